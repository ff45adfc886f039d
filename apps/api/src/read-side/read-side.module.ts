import { Module } from '@nestjs/common';

/** The query side of the API (funnel, tiers, KPIs, lead lists). Filled in by the read-side work. */
@Module({})
export class ReadSideModule {}

import { Channel, IntentTier, Temperature } from '@crm/lead';
import { DealStatus } from '../funnel/funnel-lead.view';
import { LifecycleCategory, ValueTier } from './tier.policy';

export interface TierMigration {
  from: IntentTier;
  to: IntentTier;
  at: string;
}

/** One lead's intent tier, value tier and lifecycle category; `migrations` lists every tier change. */
export interface TierLeadView {
  leadId: string;
  dealerId: string;
  channel: Channel;
  registeredAt: string;
  period: string;
  tier: IntentTier | null;
  /** The first tier known for the lead: conversion per tier counts by it. */
  firstTier: IntentTier | null;
  temperature: Temperature | null;
  assessedAt: string | null;
  budgetMax: number | null;
  latestQuoteAmount: number | null;
  status: DealStatus;
  wins: number;
  deliveries: number;
  valueTier: ValueTier;
  /** Stored without 'at_risk', which depends on the time of the query. */
  lifecycle: Exclude<LifecycleCategory, 'at_risk'>;
  lastInteractionAt: string | null;
  migrations: TierMigration[];
}

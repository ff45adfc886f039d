import { Channel, IntentTier, Temperature } from '@crm/lead';
import { DealStatus } from '../funnel/funnel-lead.view';
import { WithHistory } from '../history/occurrence-history';
import type { TierFact } from './tier-fact';
import { LifecycleCategory, ValueTier } from './tier.policy';

export interface TierMigration {
  from: IntentTier;
  to: IntentTier;
  at: string;
}

/**
 * One lead's intent tier, value tier and lifecycle category; `migrations` lists every tier change in the order
 * the assessments happened, each from the tier the lead was in at that time. `history` keeps the order-dependent
 * facts, so a late entry re-derives the row.
 */
export interface TierLeadView extends WithHistory<TierFact> {
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
  /** Of the current purchase cycle (1 from registration, one more per purchase after a delivery). */
  status: DealStatus;
  cycle: number;
  /** Orders signed, over all cycles. */
  wins: number;
  /** Vehicles delivered: completed purchases. */
  deliveries: number;
  valueTier: ValueTier;
  /** Stored without 'at_risk', which depends on the time of the query. */
  lifecycle: Exclude<LifecycleCategory, 'at_risk'>;
  lastInteractionAt: string | null;
  migrations: TierMigration[];
  /** What the registration said of the values later facts change: the start of a replay after a late entry. */
  origin: { tier: IntentTier | null; budgetMax: number | null };
}

import { Channel, LostReason, PaymentMethod, PurchaseTimeframe, TouchOutcome } from '@crm/lead';

/**
 * Every probability and range the simulator draws from, in one place. Weight tables need not sum to 1 (a draw is
 * proportional to the weights). The figures are plausible assumptions for a premium-brand 4S dealer in China, not
 * measurements: the seeds (domain.md) name the channels, tiers, funnel stages and close probabilities, not how often
 * each happens. Change them here; nothing else in the simulator holds a number about customers or staff.
 */

type Weights<K extends string> = Readonly<Record<K, number>>;
/** A range [min, max) in the unit its name says. */
interface Range { min: number; max: number }

const TIMEFRAMES_DEFAULT: Weights<PurchaseTimeframe> = {
  within_1_month: 12, in_2_3_months: 22, in_4_6_months: 26, in_7_12_months: 24, over_12_months: 16,
};

export const SIMULATION_DISTRIBUTIONS = {
  dealer: {
    /** Sales consultants (销售顾问) on the dealer's stream; hot leads are routed to them in turn. */
    consultants: { min: 4, max: 8 },
    /** CRM agents who nurture leads that are not hot yet (they are actors only, the dealer stream does not list them). */
    crmAgents: { min: 2, max: 4 },
    /** The dealer's zone: the brand's dealers are in mainland China (domain.md). */
    timeZones: { 'Asia/Shanghai': 1 } as Weights<string>,
    /** Quiet hours, local wall clock; the default 21:00-09:00 and two variants a dealer may choose. */
    quietHours: { '21:00-09:00': 6, '20:30-08:30': 2, '22:00-09:30': 2 } as Weights<string>,
    /** Showroom opening hours, local (walk-ins, calls, test drives and staff work fall inside them). */
    openingHours: { from: 9, to: 20 },
  },

  arrivals: {
    /** Relative lead volume by calendar month, Jan..Dec: the Spring Festival dip, the "golden September, silver October". */
    monthWeights: [1.0, 0.7, 1.0, 1.0, 1.0, 1.05, 0.95, 0.95, 1.2, 1.2, 1.05, 1.1],
    /** Relative volume by weekday, Mon..Sun: showrooms are busiest at weekends. */
    weekdayWeights: [0.8, 0.8, 0.85, 0.9, 1.0, 1.6, 1.5],
    /** Channels whose leads arrive only while the showroom is open; the others (web, portals, social) any hour. */
    openingHoursChannels: ['walk_in', 'inbound_phone', 'event', 'auto_show', 'referral', 'service_department'] as readonly Channel[],
    /** Where leads come from (domain.md, channels). */
    channels: {
      walk_in: 22, inbound_phone: 13, website: 15, auto_portal: 18, social_media: 8, referral: 7, event: 4,
      auto_show: 3, service_department: 3, third_party_data: 4, survey: 3,
    } as Weights<Channel>,
    /** The first contact's answer to "when do you intend to buy" (the first tier); walk-ins and referrals are hotter. */
    timeframes: {
      default: TIMEFRAMES_DEFAULT,
      byChannel: {
        walk_in: { within_1_month: 30, in_2_3_months: 30, in_4_6_months: 20, in_7_12_months: 12, over_12_months: 8 },
        referral: { within_1_month: 25, in_2_3_months: 30, in_4_6_months: 22, in_7_12_months: 15, over_12_months: 8 },
        third_party_data: { within_1_month: 3, in_2_3_months: 10, in_4_6_months: 22, in_7_12_months: 30, over_12_months: 35 },
      } as Partial<Record<Channel, Weights<PurchaseTimeframe>>>,
    },
    marketingConsent: 0.82,
    /** A lead who gave consent opts out of marketing later (an SMS "unsubscribe") this often, `optOutDays` after arriving. */
    optOut: 0.05,
    optOutDays: { min: 3, max: 90 } as Range,
    /** Records that turn out not to be prospects at the first contact (closed as invalid_lead); by channel, else default. */
    invalid: { default: 0.02, byChannel: { third_party_data: 0.25, survey: 0.15, social_media: 0.06 } as Partial<Record<Channel, number>> },
    payment: { cash: 35, loan: 50, undecided: 15 } as Weights<PaymentMethod>,
    /** Intended model and its list price (CNY); the quote draws a discount from `sales.discount`. */
    models: { EQA: 12, 'C-Class': 22, 'E-Class': 24, EQE: 14, GLC: 20, GLE: 8 } as Weights<string>,
    listPrices: { EQA: 320_000, 'C-Class': 340_000, 'E-Class': 450_000, EQE: 470_000, GLC: 430_000, GLE: 720_000 } as Readonly<Record<string, number>>,
    /**
     * Visitors who walk in and leave no record (未留档), counted at the door once a day: for each recorded walk-in of
     * the day, one more visitor left without a record with this probability.
     */
    unrecordedPerRecordedWalkIn: 0.45,
  },

  firstContact: {
    /** Hours from registration to the CRM agent's first call (walk-ins are contacted at registration). */
    delayHours: { online: { min: 0.1, max: 3 }, other: { min: 1, max: 30 } } as { online: Range; other: Range },
    /** Channels a lead types into (website, portals, social media): the one-hour response rule applies to them. */
    onlineChannels: ['website', 'auto_portal', 'social_media'] as readonly Channel[],
    connected: 0.78,
    /** A connected first call re-assesses the intended purchase time this often. */
    reassessed: 0.45,
  },

  touches: {
    /** The to-do item is done within this many hours of being sent, during opening hours... */
    doneWithinHours: { min: 0.5, max: 30 } as Range,
    /** ...this often; otherwise late (after the three-day overdue mark) or never. */
    doneOnTime: 0.9,
    doneLate: 0.6,
    lateDays: { min: 3.2, max: 8 } as Range,
    /** What the lead answers to a nurture call or invitation. */
    outcomes: { reached: 55, no_answer: 30, declined: 15 } as Weights<TouchOutcome>,
    /** After-sale care calls and reminders. */
    afterSaleOutcomes: { done: 70, reached: 25, no_answer: 5 } as Weights<TouchOutcome>,
    /** A reached lead is re-assessed this often (domain.md: "a touch re-assesses the tier"). */
    reassessedWhenReached: 0.8,
    /** A lead who declines a nurture touch asks not to be contacted for marketing this often (consent withdrawn)... */
    consentWithdrawnWhenDeclined: 0.2,
    /** ...and is closed as lost this often (by the CRM agent). */
    lostWhenDeclined: 0.25,
    lostReasonsWhenDeclined: { no_longer_interested: 45, bought_competitor_brand: 30, postponed_purchase: 15, price: 10 } as Weights<LostReason>,
    /** A reached showroom invitation brings the lead in this often, within `visitDays`. */
    invitationVisit: 0.6,
    visitDays: { min: 0.5, max: 4 } as Range,
    /** A reached win-back call reopens the lost lead this often. */
    winBackReopens: 0.15,
  },

  /**
   * Tier migration on re-assessment: the next intended purchase time given the current one. Nurture warms leads up
   * slowly; most stay where they are, some cool down.
   */
  reassessment: {
    within_1_month: { within_1_month: 55, in_2_3_months: 25, in_4_6_months: 12, in_7_12_months: 6, over_12_months: 2 },
    in_2_3_months: { within_1_month: 30, in_2_3_months: 40, in_4_6_months: 20, in_7_12_months: 8, over_12_months: 2 },
    in_4_6_months: { within_1_month: 12, in_2_3_months: 28, in_4_6_months: 38, in_7_12_months: 16, over_12_months: 6 },
    in_7_12_months: { within_1_month: 5, in_2_3_months: 12, in_4_6_months: 30, in_7_12_months: 38, over_12_months: 15 },
    over_12_months: { within_1_month: 2, in_2_3_months: 5, in_4_6_months: 15, in_7_12_months: 30, over_12_months: 48 },
  } as Readonly<Record<PurchaseTimeframe, Weights<PurchaseTimeframe>>>,

  /** A consultant's follow-up of a hot lead, from the hand-off (domain.md, sales funnel). */
  sales: {
    firstFollowUpHours: { min: 1, max: 36 } as Range,
    needsAnalysed: 0.9,
    vehiclePresented: 0.8,
    testDriveOffered: 0.7,
    testDriveDays: { min: 1, max: 6 } as Range,
    testDriveShowUp: 0.85,
    quoted: 0.8,
    /** Discount off the list price, as a fraction. */
    discount: { min: 0, max: 0.08 } as Range,
    secondCar: 0.03,
    decisionDays: { min: 1, max: 12 } as Range,
    /** After a quote: sign, lose, or stall (stalled: half go back to nurturing by hand, half go silent). */
    decision: { win: 48, lose: 32, stall: 20 } as Weights<'win' | 'lose' | 'stall'>,
    /** Leads that drop out before a quote (no presentation, no quote) are lost this often, else they stall. */
    lostBeforeQuote: 0.5,
    stalledReturnedByHand: 0.5,
    lostReasons: {
      price: 25, bought_competitor_brand: 24, bought_same_brand_elsewhere: 14, financing_declined: 7, postponed_purchase: 14,
      no_longer_interested: 11, unreachable: 5,
    } as Weights<LostReason>,
    competitors: ['BMW', 'Audi', 'Lexus', 'Volvo', 'Tesla', 'NIO', 'Li Auto'] as readonly string[],
    /** 战败审核: the manager approves a consultant's loss request this often, within `approvalHours`. */
    lossApproved: 0.88,
    approvalHours: { min: 2, max: 40 } as Range,
    /** After a rejected loss the consultant tries once more: the deal is then won this often, else lost again. */
    winAfterRejection: 0.25,
  },

  delivery: {
    delivered: 0.97,
    days: { min: 5, max: 25 } as Range,
    odometerKm: { min: 5, max: 60 } as Range,
    /** The owner's birthday is recorded at delivery this often (the after-sale plan greets them). */
    birthdayKnown: 0.6,
  },
} as const;

export type SimulationDistributions = typeof SIMULATION_DISTRIBUTIONS;

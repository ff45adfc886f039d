import { CadencePolicy, PlannedTouch } from './cadence-policy';

/*
 * The default cadence (domain.md, "Default nurture cadence" and "After the deal"). Sources:
 * - 004_3a3c59cd5de107d4.txt line 15 (the guide's flow chart): 1-month leads "邀约到店" (invite to the showroom),
 *   2-3 months "第1个月外呼" (call in month 1), 4-6 months "第3个月外呼", 7-11 months "第6个月外呼", 12+ months
 *   "第11个月外呼"; contents "产品比较类" (product comparison), "保持联系类" (keep in touch), "品牌认知类" (brand
 *   awareness); "遇客户直接拜访展厅或1个月以内的潜在客户, 由销售进行跟进" (a walk-in or a 1-month lead goes to a
 *   consultant). Line 14 names 3 months and less hot, 4-6 warm, 6+ cold.
 * - 002_ec27812687cc083f.txt line 26: "3日DC/7日DC(客服)/首保DC(里程估算)/第二次保养提醒DC/车主生日DC/保险DC/年检DC"
 *   (day 3, day 7 customer service, first service estimated from mileage, second-service reminder, the owner's
 *   birthday, insurance, annual inspection).
 * The numbers the seeds leave open (the invitation's day, service intervals, km per month, reminder lead times,
 * win-back delays) are this product's assumptions, named as such below.
 */

const call = (rule: string, months: number, content: PlannedTouch['content']): PlannedTouch =>
  ({ rule, purpose: 'nurture_call', channel: 'call', content, marketing: true, after: { months } });

export const DEFAULT_CADENCE_POLICY: CadencePolicy = {
  tiers: {
    // domain.md: "showroom invitation within 2 days": due after one day, so that even a move out of quiet hours
    // (at most a night) keeps it inside the two days.
    T1: {
      handOff: true,
      touches: [{
        rule: 'cadence.T1.showroom_invitation', purpose: 'showroom_invitation', channel: 'call',
        content: 'product_comparison', marketing: true, after: { days: 1 },
      }],
    },
    T2: { handOff: false, touches: [call('cadence.T2.call_month_1', 1, 'product_comparison')] },
    T3: { handOff: false, touches: [call('cadence.T3.call_month_3', 3, 'keep_in_touch')] },
    T4: { handOff: false, touches: [call('cadence.T4.call_month_6', 6, 'keep_in_touch')] },
    T5: { handOff: false, touches: [call('cadence.T5.call_month_11', 11, 'brand_awareness')] },
  },
  // The brief's examples (no seed line): a price objection is worth a call after a month, a postponed purchase
  // after three; a lead who bought elsewhere gets none.
  winBack: {
    price: { rule: 'win_back.price', purpose: 'win_back', channel: 'call', content: 'win_back_offer', marketing: true, after: { months: 1 } },
    postponed_purchase: {
      rule: 'win_back.postponed_purchase', purpose: 'win_back', channel: 'call', content: 'win_back_offer', marketing: true, after: { months: 3 },
    },
  },
  afterSale: {
    // Customer-service calls: part of the sale, not marketing.
    followUps: [
      { rule: 'after_sale.day_3', purpose: 'after_sale_day_3', channel: 'call', content: 'after_sale_care', marketing: false, after: { days: 3 } },
      { rule: 'after_sale.day_7', purpose: 'after_sale_day_7', channel: 'call', content: 'after_sale_care', marketing: false, after: { days: 7 } },
    ],
    // Assumptions: first service at 5,000 km or 6 months, then every 10,000 km or 12 months; 1,250 km a month
    // (15,000 km a year); the reminder a week ahead. Service reminders are care, not marketing.
    service: {
      firstServiceKm: 5_000, firstServiceMaxMonths: 6, intervalKm: 10_000, intervalMaxMonths: 12, kmPerMonth: 1_250,
      first: { rule: 'after_sale.first_service', purpose: 'first_service', channel: 'sms', content: 'after_sale_care', marketing: false, daysBefore: 7, localTime: '10:00' },
      second: { rule: 'after_sale.second_service', purpose: 'second_service', channel: 'sms', content: 'after_sale_care', marketing: false, daysBefore: 7, localTime: '10:00' },
    },
    // A greeting and an insurance offer are marketing: a customer who withdrew consent gets neither.
    birthday: { rule: 'after_sale.birthday', purpose: 'birthday', channel: 'wechat', content: 'after_sale_care', marketing: true, daysBefore: 0, localTime: '10:00' },
    insuranceRenewal: {
      rule: 'after_sale.insurance_renewal', purpose: 'insurance_renewal', channel: 'call', content: 'after_sale_care', marketing: true,
      daysBefore: 30, localTime: '10:00', defaultTermMonths: 12,
    },
    // The inspection reminder is a legal duty of the owner's, so it is care, not marketing.
    annualInspection: {
      rule: 'after_sale.annual_inspection', purpose: 'annual_inspection', channel: 'sms', content: 'after_sale_care', marketing: false,
      daysBefore: 30, localTime: '10:00', defaultMonthsAfterDelivery: 12,
    },
  },
  planPurposes: ['showroom_invitation', 'event_invitation', 'nurture_call', 'win_back'],
};

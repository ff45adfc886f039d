import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { DEFAULT_LEAD_POLICY, LeadPolicy } from '@crm/lead';

export const LEAD_POLICY = Symbol('LEAD_POLICY');

/** The default dealer policy with the two settings the configuration may change. */
export const leadPolicyProvider: Provider = {
  provide: LEAD_POLICY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): LeadPolicy => ({
    ...DEFAULT_LEAD_POLICY,
    backdateWindowHours: config.BACKDATE_WINDOW_HOURS,
    lossRequiresApproval: config.LOSS_REQUIRES_APPROVAL,
  }),
};

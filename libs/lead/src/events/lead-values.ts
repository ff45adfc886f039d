import { Channel, PaymentMethod, PurchaseTimeframe } from './lead-vocabulary';

export interface Money {
  /** Minor units are avoided on purpose: dealers quote whole currency units. */
  amount: number;
  currency: string;
}

export interface Contact {
  name: string;
  /** E.164, normalised before it reaches the decider. */
  phone: string;
  email?: string;
  wechat?: string;
  /** MM-DD, or YYYY-MM-DD when the year is known: the after-sale plan greets the owner on it. */
  birthday?: string;
}

export interface CurrentVehicle {
  make: string;
  model: string;
  year?: number;
  mileageKm?: number;
}

/** The "ten questions" of the first contact (domain.md); everything but intended models is optional. */
export interface FirstContactProfile {
  occupation?: string;
  employer?: string;
  position?: string;
  area?: string;
  currentVehicle?: CurrentVehicle;
  intendedModels: string[];
  budget?: { min?: number; max?: number; currency: string };
  payment?: PaymentMethod;
  intendedPurchase?: PurchaseTimeframe;
  decisionMaker?: string;
}

/** What a registration records: the command carries it, the event stores it, the state starts from it. */
export interface LeadRegistration {
  leadId: string;
  dealerId: string;
  channel: Channel;
  campaign?: string;
  contact: Contact;
  profile: FirstContactProfile;
  marketingConsent: boolean;
}

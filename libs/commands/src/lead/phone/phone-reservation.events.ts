/** Events of the reservation stream that makes one phone number one lead per dealer. */
export interface PhoneNumberReserved {
  type: 'PhoneNumberReserved';
  data: { leadId: string; dealerId: string; phone: string };
}
export interface PhoneNumberReleased {
  type: 'PhoneNumberReleased';
  data: { leadId: string; dealerId: string; phone: string };
}
export type PhoneReservationEvent = PhoneNumberReserved | PhoneNumberReleased;

/** `phone-<dealer>-<E.164 digits>`: the stream whose existence is the reservation. */
export const phoneStreamId = (dealerId: string, e164: string): string => `phone-${dealerId}-${e164.replace(/\D/g, '')}`;

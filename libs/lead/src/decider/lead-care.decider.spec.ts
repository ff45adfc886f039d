import { LeadErrorCode } from '../lead.errors';
import { given } from '../testing/decider-specification';
import {
  dealLost, dealWon, leadRegistered, registeredLeadWith, command, vehicleDelivered,
} from '../testing/lead-fixtures';

describe('Lead decider: contact details and consent', () => {
  it('records only the details that change, with the previous phone', () => {
    given([leadRegistered()])
      .when(command('ChangeContactDetails', { name: 'Wang Fang', phone: '+8613900001111', email: 'wf@example.cn' }))
      .then([
        {
          type: 'ContactDetailsChanged',
          data: { phone: '+8613900001111', previousPhone: '+8613812345678', email: 'wf@example.cn' },
        },
      ]);
  });

  it('records nothing when nothing differs', () => {
    given([leadRegistered()])
      .when(command('ChangeContactDetails', { name: 'Wang Fang', phone: '+8613812345678' }))
      .then([]);
  });

  it('changes contact details after delivery (after-sale care)', () => {
    given(registeredLeadWith(dealWon(), vehicleDelivered()))
      .when(command('ChangeContactDetails', { wechat: 'wangfang88' }))
      .then([{ type: 'ContactDetailsChanged', data: { wechat: 'wangfang88' } }]);
  });

  it('changes marketing consent', () => {
    given([leadRegistered()])
      .when(command('ChangeMarketingConsent', { marketingConsent: false }))
      .then([{ type: 'MarketingConsentChanged', data: { marketingConsent: false } }]);
  });

  it('records nothing when consent stays the same', () => {
    given([leadRegistered()]).when(command('ChangeMarketingConsent', { marketingConsent: true })).then([]);
  });

  it('withdraws consent on a lost lead', () => {
    given(registeredLeadWith(dealLost()))
      .when(command('ChangeMarketingConsent', { marketingConsent: false }))
      .then([{ type: 'MarketingConsentChanged', data: { marketingConsent: false } }]);
  });
});

describe('Lead decider: complaints', () => {
  const filed = { complaintId: 'c-1', category: 'delivery', description: 'car delivered dirty' } as const;
  const resolution = { complaintId: 'c-1', cause: 'prep skipped', remedy: 'free detailing' };

  it('files a complaint', () => {
    given([leadRegistered()]).when(command('FileComplaint', filed)).then([{ type: 'ComplaintFiled', data: filed }]);
  });

  it('files a complaint on a lost lead', () => {
    given(registeredLeadWith(dealLost()))
      .when(command('FileComplaint', filed))
      .then([{ type: 'ComplaintFiled', data: filed }]);
  });

  it('refuses the same complaint id twice', () => {
    given(registeredLeadWith({ type: 'ComplaintFiled', data: filed }))
      .when(command('FileComplaint', filed))
      .thenThrows(LeadErrorCode.ComplaintAlreadyFiled, 'complaintId');
  });

  it('resolves an open complaint with cause and remedy', () => {
    given(registeredLeadWith(dealWon(), vehicleDelivered(), { type: 'ComplaintFiled', data: filed }))
      .when(command('ResolveComplaint', resolution))
      .then([{ type: 'ComplaintResolved', data: resolution }]);
  });

  it('does not resolve an unknown complaint', () => {
    given([leadRegistered()])
      .when(command('ResolveComplaint', resolution))
      .thenThrows(LeadErrorCode.ComplaintNotFound, 'complaintId');
  });

  it('does not resolve a complaint twice', () => {
    given(registeredLeadWith({ type: 'ComplaintFiled', data: filed }, { type: 'ComplaintResolved', data: resolution }))
      .when(command('ResolveComplaint', resolution))
      .thenThrows(LeadErrorCode.ComplaintAlreadyResolved, 'complaintId');
  });
});

describe('Lead decider: invitations', () => {
  const sent = { invitationId: 'inv-1', kind: 'event', channel: 'wechat', eventName: 'Spring test-drive day' } as const;

  it('sends an invitation', () => {
    given([leadRegistered()]).when(command('SendInvitation', sent)).then([{ type: 'InvitationSent', data: sent }]);
  });

  it('refuses to send the same invitation twice', () => {
    given(registeredLeadWith({ type: 'InvitationSent', data: sent }))
      .when(command('SendInvitation', sent))
      .thenThrows(LeadErrorCode.InvitationAlreadySent, 'invitationId');
  });

  it('refuses a proposed time that is not a timestamp', () => {
    given([leadRegistered()])
      .when(command('SendInvitation', { ...sent, proposedFor: 'next Saturday' }))
      .thenThrows(LeadErrorCode.InvalidTimestamp, 'proposedFor');
  });

  it('records the answer to a sent invitation', () => {
    given(registeredLeadWith({ type: 'InvitationSent', data: sent }))
      .when(command('RecordInvitationAnswer', { invitationId: 'inv-1', response: 'accepted' }))
      .then([{ type: 'InvitationAnswered', data: { invitationId: 'inv-1', response: 'accepted' } }]);
  });

  it('does not answer an unknown invitation', () => {
    given([leadRegistered()])
      .when(command('RecordInvitationAnswer', { invitationId: 'inv-9', response: 'declined' }))
      .thenThrows(LeadErrorCode.InvitationNotFound, 'invitationId');
  });

  it('records attendance with the invitation kind', () => {
    given(registeredLeadWith({ type: 'InvitationSent', data: sent }))
      .when(command('RecordInvitationAttendance', { invitationId: 'inv-1' }))
      .then([{ type: 'InvitationAttended', data: { invitationId: 'inv-1', kind: 'event' } }]);
  });

  it('does not record attendance of an unknown invitation', () => {
    given([leadRegistered()])
      .when(command('RecordInvitationAttendance', { invitationId: 'inv-9' }))
      .thenThrows(LeadErrorCode.InvitationNotFound, 'invitationId');
  });

  it('does not record attendance twice', () => {
    const attended = { type: 'InvitationAttended', data: { invitationId: 'inv-1', kind: 'event' } } as const;
    given(registeredLeadWith({ type: 'InvitationSent', data: sent }, attended))
      .when(command('RecordInvitationAttendance', { invitationId: 'inv-1' }))
      .thenThrows(LeadErrorCode.InvitationAlreadyAttended, 'invitationId');
  });

  it('does not send invitations to a lost lead', () => {
    given(registeredLeadWith(dealLost())).when(command('SendInvitation', sent)).thenThrows(LeadErrorCode.LeadIsLost);
  });
});

import type zh from '../zh-CN/stages';

export default {
  invitation: 'Offer',
  preparation: 'Representatives',
  consultation: 'Consultation',
  ratification: 'Workers’ congress',
  signing: 'Signing',
  filing: 'Review',
  in_force: 'In force',
  expired: 'Expired',
  terminated: 'Terminated',
  abandoned: 'Abandoned',
} satisfies typeof zh;

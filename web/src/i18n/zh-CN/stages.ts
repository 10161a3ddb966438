/** The stages of a negotiation round, shared by the negotiation screens and the reports. */
export default {
  invitation: '要约',
  preparation: '确定代表',
  consultation: '协商',
  ratification: '职代会审议',
  signing: '签订',
  filing: '报送审查',
  in_force: '生效',
  expired: '已到期',
  terminated: '已终止',
  abandoned: '已放弃',
};

/** A contact record with a realistic payload: benchmark 1's event, also sent by the HTTP load generator's process. */
export const contactEvent = (call: number) => ({
  type: 'RECORD_CONTACT',
  method: 'PHONE',
  contactedAt: new Date(Date.now() - 3_600_000).toISOString(),
  participants: `领衔代表、交通运输局业务科室负责人（第${call}次沟通）`,
  notes: '就增设站点的选址、建设时序和资金安排与代表当面沟通，代表提出了进一步的意见。',
});

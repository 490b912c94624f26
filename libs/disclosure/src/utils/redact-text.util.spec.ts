import { redactText, REDACTION_PLACEHOLDERS, RedactionKind } from './redact-text.util';

describe('redactText', () => {
  it.each([
    ['mobile', '请联系13912345678了解', '13912345678', RedactionKind.PHONE],
    ['mobile with +86 and dashes', '电话+86 139-1234-5678。', '139-1234-5678', RedactionKind.PHONE],
    ['landline with area code', '联系电话0513-80001234转8', '80001234', RedactionKind.PHONE],
    ['landline in brackets', '（0513）80001234', '80001234', RedactionKind.PHONE],
    ['hotline', '拨打400-123-4567', '400-123-4567', RedactionKind.PHONE],
    ['18-digit ID card', '身份证320681199001011234号', '320681199001011234', RedactionKind.ID_CARD],
    ['ID card ending in X', '证件号32068119900101123X', '32068119900101123X', RedactionKind.ID_CARD],
    ['15-digit ID card', '旧证320681900101123', '320681900101123', RedactionKind.ID_CARD],
    ['e-mail', '发送至zhang.san@example.com.cn即可', 'zhang.san@example.com.cn', RedactionKind.EMAIL],
  ])('hides a %s', (_name, text, original, kind) => {
    const { text: redacted, counts } = redactText(text);
    expect(redacted).not.toContain(original);
    expect(redacted).toContain(REDACTION_PLACEHOLDERS[kind]);
    expect(counts[kind]).toBe(1);
  });

  it.each([
    ['an amount', '投入资金12000000元'],
    ['a year and a count', '2026年新增300个站点'],
    ['a road number', 'G328国道'],
  ])('keeps %s', (_name, text) => {
    expect(redactText(text)).toEqual({ text, counts: {} });
  });

  it('hides every occurrence of a marked passage, longest mark first', () => {
    const { text, counts } = redactText('张三家住幸福小区3号楼，幸福小区3号楼漏水。', ['幸福小区', '幸福小区3号楼']);
    expect(text).toBe('张三家住【已隐去】，【已隐去】漏水。');
    expect(counts).toEqual({ [RedactionKind.MARKED]: 2 });
  });

  it('ignores blank marks', () => {
    expect(redactText('原文', ['', '  ']).text).toBe('原文');
  });
});

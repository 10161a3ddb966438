import { TEMPLATE_FIELDS } from './template-fields';
import { unknownTags } from './template-tags';

describe(unknownTags.name, () => {
  const sut = (tree: Parameters<typeof unknownTags>[0]) => unknownTags(tree, TEMPLATE_FIELDS.offer_reply);

  it('accepts the fields of the template, a list’s item fields inside it, and outer fields inside a list', () => {
    expect(sut({ title: {}, sender: {}, enterprises: { name: {}, creditCode: {}, sender: {} } })).toEqual([]);
  });

  it('accepts the tags inside a condition', () => {
    expect(sut({ accepted: { refusalReason: {}, decision: {} } })).toEqual([]);
  });

  it('names a tag that is no field (a typo), once, also inside a list', () => {
    expect(
      sut({ enterpriseNme: {}, enterprises: { nmae: {}, name: {} }, accepted: { enterpriseNme: {} } }),
    ).toEqual(['enterpriseNme', 'nmae']);
  });

  it('does not take an item field outside its list', () => {
    expect(sut({ creditCode: {} })).toEqual(['creditCode']);
  });

  it('knows the work summary’s fields', () => {
    expect(
      unknownTags(
        { title: {}, unitName: {}, periodLabel: {}, paragraphs: { text: {} }, generatedOn: {} },
        TEMPLATE_FIELDS.work_summary,
      ),
    ).toEqual([]);
  });
});

// A federation hierarchy the shape of Sichuan for bench/report.mjs (issue 16, "Scale this must
// hold"): 1 province (四川省, 510000000000), its 21 cities (real codes and names), 183 counties
// (the real number per city; real codes and names for 成都市 and 绵阳市, the others numbered
// 02, 03, … under their city) and 3,000 townships (街道 001…, 镇 101…, 乡 201… under their
// county, unique made-up names). Deterministic from the seed.
//
// Ids are given in depth-first order (the province 1, then each city followed by its counties,
// each county followed by its townships), so a unit's subtree is one contiguous id range, and
// each `path` is the materialised ids '/1/4/17/' as the app writes it.
//
// Enterprises are spread unevenly: a share per city (成都 about a third), a log-normal share per
// county (districts, 区, twice as heavy), a log-normal share per township (街道 heavier than 镇,
// 乡 lighter). `pick(u)` maps a uniform number in [0, 1) to a township.

import { mulberry32 } from './random.mjs';
/** The 21 cities: 4-digit code, name, number of counties, rough share of the enterprises. */
const CITIES = [
  ['5101', '成都市', 20, 0.36],
  ['5103', '自贡市', 6, 0.025],
  ['5104', '攀枝花市', 5, 0.02],
  ['5105', '泸州市', 7, 0.04],
  ['5106', '德阳市', 6, 0.045],
  ['5107', '绵阳市', 9, 0.05],
  ['5108', '广元市', 7, 0.02],
  ['5109', '遂宁市', 5, 0.03],
  ['5110', '内江市', 5, 0.025],
  ['5111', '乐山市', 11, 0.035],
  ['5113', '南充市', 9, 0.045],
  ['5114', '眉山市', 6, 0.03],
  ['5115', '宜宾市', 10, 0.05],
  ['5116', '广安市', 6, 0.025],
  ['5117', '达州市', 7, 0.04],
  ['5118', '雅安市', 8, 0.015],
  ['5119', '巴中市', 5, 0.02],
  ['5120', '资阳市', 3, 0.015],
  ['5132', '阿坝藏族羌族自治州', 13, 0.008],
  ['5133', '甘孜藏族自治州', 18, 0.007],
  ['5134', '凉山彝族自治州', 17, 0.03],
];
/** Real counties where given: 6-digit code and name. */
const REAL_COUNTIES = {
  5101: [
    ['510104', '锦江区'],
    ['510105', '青羊区'],
    ['510106', '金牛区'],
    ['510107', '武侯区'],
    ['510108', '成华区'],
    ['510112', '龙泉驿区'],
    ['510113', '青白江区'],
    ['510114', '新都区'],
    ['510115', '温江区'],
    ['510116', '双流区'],
    ['510117', '郫都区'],
    ['510118', '新津区'],
    ['510121', '金堂县'],
    ['510129', '大邑县'],
    ['510131', '蒲江县'],
    ['510181', '都江堰市'],
    ['510182', '彭州市'],
    ['510183', '邛崃市'],
    ['510184', '崇州市'],
    ['510185', '简阳市'],
  ],
  5107: [
    ['510703', '涪城区'],
    ['510704', '游仙区'],
    ['510705', '安州区'],
    ['510722', '三台县'],
    ['510723', '盐亭县'],
    ['510725', '梓潼县'],
    ['510726', '北川羌族自治县'],
    ['510727', '平武县'],
    ['510781', '江油市'],
  ],
};
const TOWNSHIPS = 3000;
/** The second syllable pool: 70 × 70 ordered pairs, enough for unique township names. */
const SYLLABLES =
  '安宝碧长川丹德东峨凤富高广桂汉和河红华黄江金锦景九康兰乐莲临龙隆马茂明南宁平清庆泉仁三沙山石寿双顺松太天通万文西仙新兴雅阳永玉元云中竹紫';

/**
 * `{ units, townships, pick, province, extraRoot }`: `units` rows [id, code, name, level,
 * parent_id, path] in id order; `townships` [{ id, name }]; `pick(u)` a township for u in [0, 1).
 */
export function sichuan(seed = 20261204) {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const logNormal = (sigma) => Math.exp(sigma * normal());

  // Unique two-syllable township names, in a shuffled order.
  const n = SYLLABLES.length;
  const pairs = Array.from({ length: n * n }, (_, i) => i).filter((i) => Math.floor(i / n) !== i % n);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  let nextName = 0;
  const townName = () => {
    const p = pairs[nextName++];
    return SYLLABLES[Math.floor(p / n)] + SYLLABLES[p % n];
  };

  // Counties with their shares, then township counts summing to TOWNSHIPS.
  const counties = [];
  for (const [cityCode, , count, cityShare] of CITIES) {
    const real = REAL_COUNTIES[cityCode];
    const list = Array.from({ length: count }, (_, k) => {
      const [code6, name] = real?.[k] ?? [
        `${cityCode}${String(k + 2).padStart(2, '0')}`,
        `${townName()}${k < Math.ceil(count / 4) ? '区' : '县'}`,
      ];
      return { cityCode, code6, name, weight: logNormal(0.6) * (name.endsWith('区') ? 2 : 1) };
    });
    const sum = list.reduce((s, c) => s + c.weight, 0);
    for (const c of list) counties.push({ ...c, share: (cityShare * c.weight) / sum, size: logNormal(0.45) });
  }
  const sizeSum = counties.reduce((s, c) => s + c.size, 0);
  for (const c of counties) c.townships = Math.max(4, Math.round((TOWNSHIPS * c.size) / sizeSum));
  let excess = counties.reduce((s, c) => s + c.townships, 0) - TOWNSHIPS;
  for (const c of [...counties].sort((a, b) => b.townships - a.townships)) {
    if (excess === 0) break;
    const step = Math.sign(excess);
    c.townships -= step;
    excess -= step;
  }

  const units = [];
  const townships = [];
  const weights = [];
  let id = 0;
  const add = (code, name, level, parent) => {
    id++;
    const path = `${parent ? parent.path : '/'}${id}/`;
    units.push([id, code, name, level, parent ? parent.id : null, path]);
    return { id, path };
  };
  const province = add('510000000000', '四川省', 'province', null);
  const highland = new Set(['5132', '5133', '5134']);
  for (const [cityCode, cityName] of CITIES) {
    const city = add(`${cityCode}00000000`, cityName, 'city', province);
    for (const c of counties.filter((x) => x.cityCode === cityCode)) {
      const county = add(`${c.code6}000000`, c.name, 'county', city);
      const urban = c.name.endsWith('区');
      const streets = Math.max(1, Math.round(c.townships * (urban ? 0.5 : 0.1)));
      const xiang = Math.round((c.townships - streets) * (highland.has(cityCode) ? 0.5 : 0.15));
      const towns = c.townships - streets - xiang;
      const kinds = [
        ...Array.from({ length: streets }, (_, k) => ['街道', 1 + k, 4]),
        ...Array.from({ length: towns }, (_, k) => ['镇', 101 + k, 1]),
        ...Array.from({ length: xiang }, (_, k) => ['乡', 201 + k, 0.3]),
      ];
      const local = kinds.map(([, , heavy]) => heavy * logNormal(0.7));
      const sum = local.reduce((s, w) => s + w, 0);
      kinds.forEach(([suffix, number], k) => {
        const name = `${townName()}${suffix}`;
        const township = add(`${c.code6}${String(number).padStart(3, '0')}000`, name, 'township', county);
        townships.push({ id: township.id, name });
        weights.push((c.share * local[k]) / sum);
      });
    }
  }
  // A second root, with nothing under it: a user of 四川省 is then restricted to its subtree
  // (with one root, its user governs the whole deployment), so that scope is measured on a
  // province-wide report whose answer equals the unrestricted one.
  const extraRoot = add('500000000000', '重庆市', 'province', null);

  const cumulative = new Float64Array(weights.length);
  const total = weights.reduce((s, w) => s + w, 0);
  let running = 0;
  weights.forEach((w, i) => (cumulative[i] = running += w / total));
  const pick = (u) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return townships[lo];
  };
  return { units, townships, pick, province, extraRoot };
}

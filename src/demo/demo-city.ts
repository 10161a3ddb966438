import type { BusinessDate } from '../common/dates/business-date';
import { type DemoCounty, demoCounty, SEED_COUNTY_OPTIONS } from './demo-county';

/**
 * The demo city federation (docs/domain.md, Federation hierarchy): 江川市 with three counties,
 * the seed report's county (金山县: 金山镇, 万安镇, 蟠龙镇) among them. Each county has its own
 * admin, supervisor and instructors; the city has a supervisor who sees all three. The codes
 * use the placeholder prefix 99 (no real division has it). Plain data; DemoLoader writes it.
 */
export interface DemoPerson {
  username: string;
  displayName: string;
  email: string;
}

export interface DemoCityCounty {
  code: string;
  name: string;
  /** Township name → its 12-digit code. */
  townshipCodes: Record<string, string>;
  admin: DemoPerson;
  county: DemoCounty;
}

export interface DemoCity {
  code: string;
  name: string;
  supervisor: DemoPerson;
  counties: DemoCityCounty[];
}

export const DEMO_CITY_UNIT = { code: '990100000000', name: '江川市', level: 'city' as const };

const person = (username: string, displayName: string): DemoPerson => ({
  username,
  displayName,
  email: `${username.replace(/^demo\./, '').replace(/\./g, '-')}@demo.example.cn`,
});

function townshipCodes(countyCode: string, townships: string[]): Record<string, string> {
  return Object.fromEntries(
    townships.map((name, index) => [
      name,
      `${countyCode.slice(0, 6)}${String(index + 1).padStart(3, '0')}000`,
    ]),
  );
}

export function demoCity(today: BusinessDate): DemoCity {
  const seed = demoCounty(today);
  const yunling = demoCounty(today, {
    seed: 20260201,
    townships: { 云岭镇: ['云岭社区', '茶园村'], 石桥镇: ['石桥社区', '河口村'] },
    count: 80,
    serialOffset: 1000,
    landmarks: false,
    instructors: [person('demo.yunling.instructor1', '周敏'), person('demo.yunling.instructor2', '吴刚')],
    supervisor: person('demo.yunling.supervisor', '云岭县总工会 孙主席'),
  });
  const qinghe = demoCounty(today, {
    seed: 20260301,
    townships: { 清河街道: ['清河社区', '滨江社区'], 东湖街道: ['东湖社区', '湖滨社区'] },
    count: 80,
    serialOffset: 2000,
    landmarks: false,
    instructors: [person('demo.qinghe.instructor1', '郑洁'), person('demo.qinghe.instructor2', '冯军')],
    supervisor: person('demo.qinghe.supervisor', '清河区总工会 钱主席'),
  });
  return {
    ...DEMO_CITY_UNIT,
    supervisor: person('demo.city.supervisor', '江川市总工会 林主席'),
    counties: [
      {
        code: '990101000000',
        name: '金山县',
        townshipCodes: townshipCodes('990101', Object.keys(SEED_COUNTY_OPTIONS.townships)),
        admin: person('demo.admin', '金山县总工会 管理员'),
        county: seed,
      },
      {
        code: '990102000000',
        name: '云岭县',
        townshipCodes: townshipCodes('990102', ['云岭镇', '石桥镇']),
        admin: person('demo.yunling.admin', '云岭县总工会 管理员'),
        county: yunling,
      },
      {
        code: '990103000000',
        name: '清河区',
        townshipCodes: townshipCodes('990103', ['清河街道', '东湖街道']),
        admin: person('demo.qinghe.admin', '清河区总工会 管理员'),
        county: qinghe,
      },
    ],
  };
}

// The county of bench/report-data.mjs as an office would bring it in: a roster CSV through
// POST /api/v1/enterprises/import, then its past agreements through POST
// /api/v1/agreements/import, on a running app. Nothing else touches the database: whatever
// planner statistics the reports then have, the app wrote them itself (issue 14 item 19).
//
// The generator's rows are made acceptable to the imports' checks, as an office would have
// to: an agreement takes effect within its first month (the generator leaves 3 % without a
// date) and runs 12 months from then (the term counts from effect); one signed before a
// member enterprise was registered is left out, and a regional one covers at most the
// employees its members have. Terminated and set-aside agreements come in as plain ones (the
// historical import records neither). A closing date after today is left out.
import { rows } from './report-data.mjs';

const ROSTER_HEADER =
  '企业名称,统一社会信用代码,所有制类型,乡镇/街道,行业门类,职工人数,建会日期,成立日期,注销日期';
const AGREEMENT_HEADER =
  '统一社会信用代码,合同类型,签订形式,签订日期,生效日期,到期日期,覆盖职工数,工资增幅(%)';
/** Rows per upload: well under IMPORT_MAX_MB, and a progress line every so often. */
const CHUNK = { enterprises: 20_000, agreements: 10_000 };

const DAY = 86_400_000;
const plusDays = (iso, days) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const plusMonths = (iso, months) => {
  const d = new Date(`${iso}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
};

/** The CSV files of a county of E enterprises: `{ roster: string[], agreements: string[], skipped }`. */
export function countyFiles({ enterprises: E, seed, until, today }) {
  const roster = [];
  const agreements = [];
  const facts = new Map(); // id → { code, employees, registeredOn }
  let negotiation = null;
  let skipped = 0;
  const flush = () => {
    if (!negotiation) return;
    const members = negotiation.ids.map((id) => facts.get(id));
    const { signedOn, effectiveOn, kind, scope, covered, pct } = negotiation;
    negotiation = null;
    if (members.some((m) => m.registeredOn !== null && m.registeredOn > signedOn)) {
      skipped++;
      return;
    }
    const effective = effectiveOn ?? plusDays(signedOn, 15);
    const headcount = members.reduce((sum, m) => sum + m.employees, 0);
    agreements.push(
      [
        members.map((m) => m.code).join('、'),
        kind,
        scope,
        signedOn,
        effective,
        plusMonths(effective, 12),
        Math.min(covered, headcount),
        pct,
      ].join(','),
    );
  };
  for (const [table, row] of rows({ enterprises: E, seed, until })) {
    if (table === 'enterprises') {
      const [id, name, code, ownership, township, industry, employees, union, registered, closed] = row;
      facts.set(id, { code, employees, registeredOn: registered });
      const closedOn = closed !== null && closed <= today ? closed : '';
      roster.push(
        [name, code, ownership, township, industry, employees, union ?? '', registered ?? '', closedOn].join(
          ',',
        ),
      );
    } else if (table === 'negotiations') {
      flush();
      negotiation = { ids: [], kind: row[1], scope: row[2] };
    } else if (table === 'negotiation_enterprises') {
      negotiation.ids.push(row[1]);
    } else if (table === 'agreements') {
      Object.assign(negotiation, { signedOn: row[4], effectiveOn: row[5], covered: row[9], pct: row[10] });
    }
  }
  flush();
  return { roster, agreements, skipped };
}

/**
 * Imports the county through the API of a running app (`app.upload(path, csv, name)` → the
 * import's answer), in chunks; answers what came in and how long it took.
 */
export async function importCounty(app, options, log) {
  const { roster, agreements, skipped } = countyFiles(options);
  const timings = {};
  const counts = {};
  for (const [kind, path, header, lines] of [
    ['enterprises', 'enterprises/import', ROSTER_HEADER, roster],
    ['agreements', 'agreements/import', AGREEMENT_HEADER, agreements],
  ]) {
    const started = performance.now();
    counts[kind] = 0;
    for (let i = 0; i < lines.length; i += CHUNK[kind]) {
      const csv = [header, ...lines.slice(i, i + CHUNK[kind])].join('\r\n');
      const answer = await app.upload(`/api/v1/${path}`, csv, `${kind}-${i}.csv`);
      if (answer.errors.length > 0) {
        throw new Error(
          `${path}: ${answer.errors.length} bad rows, e.g. ${JSON.stringify(answer.errors.slice(0, 3))}`,
        );
      }
      counts[kind] += answer.created + answer.updated;
      log(`  imported ${counts[kind]} of ${lines.length} ${kind}`);
    }
    timings[kind] = performance.now() - started;
  }
  return { counts, timings, skipped };
}

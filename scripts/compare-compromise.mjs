// compare-compromise.mjs compares sitrep's quantity and timex layers with
// the npm packages compromise (+ compromise-numbers, compromise-dates) on
// the same sentences. Run it through compare-compromise.sh, which installs
// the packages into a temporary directory and passes:
//
//   node compare-compromise.mjs EXAMPLES.json SITREP.json [SEEDS_SITREP.json SEED...]
//
// EXAMPLES.json is the list of cases below (written by the shell script),
// SITREP.json the output of `sitrep analyze --json` over them.
import fs from 'node:fs'
import nlp from 'compromise'
import numbersPlugin from 'compromise-numbers'
import datesPlugin from 'compromise-dates'

nlp.extend(numbersPlugin)
nlp.extend(datesPlugin)

const today = '2024-10-17'
const [examplesPath, sitrepPath, seedsSitrepPath, ...seeds] = process.argv.slice(2)
const examples = JSON.parse(fs.readFileSync(examplesPath, 'utf8'))
const sitrep = JSON.parse(fs.readFileSync(sitrepPath, 'utf8')).articles

// byCase finds sitrep's article for case i by its URL (…/case/i): the
// analyze output is not in input order, and extraction normalises spaces.
const byCase = new Map(sitrep.map(a => [Number(a.url.split('/').pop()), a]))

const close = (a, b) => a != null && b != null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b))

// compromiseNumbers returns [{text, value}] for numbers, money and percentages.
function compromiseNumbers(text) {
  const doc = nlp(text)
  return doc.numbers().json().map(n => ({ text: n.text.trim(), value: n.number ? n.number.num : null }))
}

function compromiseDates(text) {
  const doc = nlp(text)
  const out = doc.dates({ today, timezone: 'UTC' }).json().map(d => ({ text: d.text.trim(), start: d.dates && d.dates.start ? d.dates.start.slice(0, 10) : null, end: d.dates && d.dates.end ? d.dates.end.slice(0, 10) : null }))
  const durs = doc.durations ? doc.durations().json().map(d => ({ text: d.text.trim(), duration: d.duration })) : []
  return { dates: out, durations: durs }
}

// judge says whether a system's output contains the expected figure.
function judgeNumber(c, list) {
  if (c.none) return list.length === 0
  return list.some(q => {
    if (c.value != null) return close(q.value, c.value)
    if (c.low != null) return close(q.low, c.low) && close(q.high, c.high)
    return q.vague === true
  })
}

let ours = 0, theirs = 0, total = 0
const rows = []
for (const [i, c] of examples.entries()) {
  const a = byCase.get(i)
  const sq = (a && a.quantities || []).filter(q => q.kind !== 'ordinal' || c.ordinal)
    .map(q => ({ text: q.text, value: q.value, low: q.low, high: q.high, vague: q.approx === 'vague', counts: q.counts, approx: q.approx, kind: q.kind }))
  const st = (a && a.times || []).map(t => ({ text: t.text, value: t.value, gran: t.granularity }))
  let okOurs, okTheirs, oursText, theirsText
  if (c.date !== undefined || c.duration !== undefined) {
    const cd = compromiseDates(c.text)
    if (c.duration !== undefined) {
      okOurs = st.some(t => t.value === c.duration)
      okTheirs = cd.durations.some(d => JSON.stringify(d.duration) === JSON.stringify(c.compromiseDuration)) && cd.dates.every(d => !d.start)
    } else if (c.date === null) {
      okOurs = st.length === 0
      okTheirs = cd.dates.length === 0
    } else {
      okOurs = st.some(t => t.value === c.date)
      // With an end given ("by Christmas", "earlier this year"), the end
      // decides, give or take a day for inclusive and exclusive ends;
      // otherwise the start does.
      const dayDiff = (x, y) => Math.abs(Date.parse(x) - Date.parse(y)) / 864e5
      okTheirs = cd.dates.some(d => c.end != null ? d.end != null && dayDiff(d.end, c.end) <= 1 : d.start === c.start)
    }
    oursText = st.map(t => `${t.text}=${t.value}`).join('; ')
    theirsText = cd.dates.map(d => `${d.text}=${d.start}..${d.end}`).concat(cd.durations.map(d => `${d.text}=${JSON.stringify(d.duration)}`)).join('; ')
  } else {
    const cn = compromiseNumbers(c.text)
    okOurs = judgeNumber(c, sq)
    okTheirs = judgeNumber(c, cn.map(n => ({ value: n.value, vague: n.value === 0 })))
    if (c.range && !c.none) {
      // A range is right only as one range, not as two loose numbers.
      okTheirs = false
    }
    oursText = sq.map(q => `${q.text}=${q.value ?? (q.low != null ? q.low + '..' + (q.high ?? '') : 'vague')}${q.counts ? ' [' + q.counts + ']' : ''}`).join('; ')
    theirsText = cn.map(n => `${n.text}=${n.value}`).join('; ')
  }
  total++
  if (okOurs) ours++
  if (okTheirs) theirs++
  rows.push(`| ${c.name} | ${okOurs ? 'right' : 'WRONG'} | ${okTheirs ? 'right' : 'WRONG'} | ${oursText.replace(/\|/g, '/')} | ${theirsText.replace(/\|/g, '/')} |`)
}
console.log(`## Issue examples (${total} cases, published ${today})\n`)
console.log('| case | sitrep | compromise | sitrep says | compromise says |')
console.log('| --- | --- | --- | --- | --- |')
for (const r of rows) console.log(r)
console.log(`\nsitrep right on ${ours}/${total}, compromise right on ${theirs}/${total}`)

if (seedsSitrepPath) {
  const seedArts = JSON.parse(fs.readFileSync(seedsSitrepPath, 'utf8')).articles
  console.log('\n## Seed reports: counts of what each finds\n')
  console.log('| seed | sitrep quantities | compromise numbers | sitrep times | compromise dates |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const f of seeds) {
    const text = fs.readFileSync(f, 'utf8')
    const a = seedArts.find(x => x.path === f || (x.path && x.path.endsWith(f.split('/').pop())))
    const cn = compromiseNumbers(text)
    const cd = compromiseDates(text)
    console.log(`| ${f.split('/').pop()} | ${a ? (a.quantities || []).length : '?'} | ${cn.length} | ${a ? (a.times || []).length : '?'} | ${cd.dates.length} |`)
    if (process.env.VERBOSE) {
      console.log('  compromise numbers: ' + cn.map(n => `${n.text}=${n.value}`).join('; '))
      console.log('  compromise dates: ' + cd.dates.map(d => `${d.text}=${d.start}`).join('; '))
    }
  }
}

import { readFileSync } from 'node:fs';
const f = process.argv[2];
const html = readFileSync(`tests/fixtures/linkedin/${f}.html`,'utf8');
const re = /<code([^>]*)>([\s\S]*?)<\/code>/g; let m;
const ents = new Map();
while ((m = re.exec(html))) {
  const attrs = m[1]; let body = m[2].trim();
  const txt = body.replace(/&quot;/g,'"').replace(/&amp;/g,'&').replace(/&lt;/g,'<').replace(/&gt;/g,'>').replace(/&#92;/g,'\\').replace(/&#61;/g,'=');
  let j; try { j = JSON.parse(txt); } catch(e) { console.log('noparse', attrs.slice(0,100), txt.slice(0,120)); continue; }
  const inc = j.included ?? [];
  const types = {}; for (const e of inc) types[e.$type] = (types[e.$type]??0)+1;
  console.log(attrs.slice(0,140), 'len', txt.length, Object.keys(j).join(','), JSON.stringify(types).slice(0,600));
  if (j.request) console.log('   request', j.request);
}

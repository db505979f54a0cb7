import { readFileSync } from 'node:fs';
const [f, id] = process.argv.slice(2);
const html = readFileSync(`tests/fixtures/linkedin/${f}.html`,'utf8');
const m = new RegExp(`<code[^>]*id="${id}"[^>]*>([\\s\\S]*?)</code>`).exec(html);
const txt = m[1].trim().replace(/&quot;/g,'"').replace(/&amp;/g,'&').replace(/&lt;/g,'<').replace(/&gt;/g,'>').replace(/&#92;/g,'\\').replace(/&#61;/g,'=');
const j = JSON.parse(txt);
globalThis.j = j;
const expr = process.argv[4];
console.log(JSON.stringify(eval(expr), null, 1).slice(0, Number(process.argv[5] ?? 6000)));

import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
const [,, input, out, y, h] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
const p = await (await b.newContext({ viewport: { width: 360, height: 800 } })).newPage();
const data = readFileSync(input).toString("base64");
await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}"></body>`);
await p.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: 360, height: Number(h) } });
await b.close();

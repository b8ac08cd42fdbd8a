// The report's stylesheet, inlined into the page: dark and calm (near-black,
// warm off-white text, a muted gold accent and a teal for sound), system
// fonts only. Opening the page at #summary hides the details so that the PNG
// screenshot is a compact summary (header, timeline and cards).
export const STYLES = `
:root {
  --bg: #0b0c0e; --panel: #131417; --panel-2: #181a1e; --line: #22252a; --line-soft: #1b1d21;
  --text: #ebe6dc; --muted: #8f8a80; --faint: #5f5b55;
  --gold: #d2b07a; --gold-soft: rgba(210,176,122,.16); --teal: #7db8aa; --teal-soft: rgba(125,184,170,.13);
  --serif: "Cormorant Garamond", "Noto Serif Display", "Noto Serif", Georgia, serif;
  --sans: "Inter", "Noto Sans", "DejaVu Sans", system-ui, sans-serif;
  --mono: "JetBrains Mono", "DejaVu Sans Mono", ui-monospace, monospace;
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; background: radial-gradient(1200px 500px at 20% -10%, #1a1712 0%, transparent 60%), var(--bg); color: var(--text); font: 14px/1.5 var(--sans); -webkit-font-smoothing: antialiased; font-variant-numeric: tabular-nums; }
.palette-band { display: flex; height: 6px; }
.palette-band span { display: block; height: 100%; }
.page { max-width: 1320px; margin: 0 auto; padding: 34px 40px 44px; }
.muted { color: var(--muted); }
h2 { margin: 0 0 14px; font: 600 11px/1 var(--sans); letter-spacing: .2em; text-transform: uppercase; color: var(--muted); }
h3 { margin: 16px 0 8px; font: 600 10.5px/1 var(--sans); letter-spacing: .16em; text-transform: uppercase; color: var(--faint); }
.card { background: linear-gradient(180deg, var(--panel-2), var(--panel)); border: 1px solid var(--line); border-radius: 14px; padding: 20px 22px; }

/* header */
.hero { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 32px; align-items: end; margin-bottom: 26px; }
.eyebrow { margin: 0 0 10px; font: 600 11px/1 var(--sans); letter-spacing: .28em; text-transform: uppercase; color: var(--gold); }
h1 { margin: 0 0 14px; font: 500 40px/1.1 var(--serif); letter-spacing: .005em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.meta { display: flex; flex-wrap: wrap; gap: 8px; }
.meta span { padding: 4px 10px; border: 1px solid var(--line); border-radius: 999px; color: var(--muted); font-size: 12.5px; background: rgba(255,255,255,.015); }
.meta span b { color: var(--text); font-weight: 500; }
.meta .warn { border-color: rgba(210,150,100,.45); color: #e0a878; }
.stats { display: grid; grid-template-columns: repeat(4, auto); gap: 0; border: 1px solid var(--line); border-radius: 14px; background: var(--panel); overflow: hidden; }
.stat { padding: 14px 22px; border-left: 1px solid var(--line); min-width: 112px; }
.stat:first-child { border-left: 0; }
.stat-value { font: 500 30px/1.05 var(--serif); color: var(--text); white-space: nowrap; }
.stat-value small { font: 400 14px var(--sans); color: var(--muted); margin-left: 3px; }
.stat-label { margin-top: 6px; font-size: 10.5px; letter-spacing: .16em; text-transform: uppercase; color: var(--faint); }
.stats .missing { grid-column: 1 / -1; padding: 14px 22px; margin: 0; }

/* timeline */
.timeline { --label-w: 124px; --axis-w: 30px; --lane-gap: 16px; position: relative; padding: 8px 22px 10px; margin-bottom: 18px; }
.gridlines { position: absolute; top: 12px; bottom: 36px; left: calc(22px + var(--label-w) + var(--lane-gap)); right: calc(22px + var(--axis-w) + var(--lane-gap)); pointer-events: none; }
.gridlines span { position: absolute; top: 0; bottom: 0; border-left: 1px solid rgba(255,255,255,.035); }
.lane-axis { align-self: stretch; display: flex; flex-direction: column; justify-content: space-between; font-size: 9.5px; line-height: 1; color: var(--faint); }
.colour-script { position: relative; height: 30px; border-radius: 5px; overflow: hidden; }
.script-shot { position: absolute; top: 0; bottom: 0; display: flex; flex-direction: column; box-shadow: inset -1px 0 0 var(--bg); }
.script-shot span { display: block; flex-basis: 0; min-height: 1px; }
.script-shot .unmeasured { flex-grow: 1; background: repeating-linear-gradient(135deg, #141518 0 6px, #101113 6px 12px); }
.lane { position: relative; display: grid; grid-template-columns: var(--label-w) minmax(0, 1fr) var(--axis-w); gap: 0 var(--lane-gap); align-items: center; padding: 12px 0; border-top: 1px solid var(--line-soft); }
.lane:first-child { border-top: 0; }
.lane-label { display: flex; flex-direction: column; gap: 3px; }
.lane-name { font: 600 11px/1 var(--sans); letter-spacing: .18em; text-transform: uppercase; color: var(--text); }
.lane-detail { font-size: 11.5px; line-height: 1.35; color: var(--muted); }
.lane-detail .bpm { color: var(--gold); font-weight: 600; }
.lane-track { position: relative; min-width: 0; }
.lane-ruler { padding: 4px 0 0; border-top: 0; }
.strip { position: relative; height: 96px; border-radius: 8px; overflow: hidden; background: #060607; box-shadow: inset 0 0 0 1px var(--line); }
.shot { position: absolute; top: 0; bottom: 0; overflow: hidden; box-shadow: inset -1px 0 0 #000; }
.shot .thumb { width: 100%; height: 100%; object-fit: cover; display: block; }
.shot-no { position: absolute; left: 6px; bottom: 5px; font-size: 10px; line-height: 1; padding: 3px 5px; border-radius: 4px; background: rgba(8,8,9,.72); color: var(--text); }
.placeholder { display: flex; align-items: center; justify-content: center; background: repeating-linear-gradient(135deg, #141518 0 8px, #101113 8px 16px); color: var(--faint); font-size: 10.5px; letter-spacing: .12em; text-transform: uppercase; width: 100%; height: 100%; }
.transition { position: absolute; top: 0; bottom: 0; pointer-events: none; }
.transition.cut { width: 2px; margin-left: -1px; background: #f4dcaa; box-shadow: 0 0 8px rgba(244,220,170,.75); }
.transition.gradual { background: linear-gradient(90deg, rgba(210,176,122,.05), rgba(210,176,122,.42), rgba(210,176,122,.05)); box-shadow: inset 1px 0 0 rgba(244,220,170,.7), inset -1px 0 0 rgba(244,220,170,.7); }
.transition[data-type="fade_to_black"] { background: linear-gradient(90deg, rgba(0,0,0,0), rgba(0,0,0,.85)); }
.transition[data-type="fade_from_black"] { background: linear-gradient(90deg, rgba(0,0,0,.85), rgba(0,0,0,0)); }
.transition[data-type="wipe"] { background: repeating-linear-gradient(115deg, rgba(210,176,122,.32) 0 6px, rgba(210,176,122,.08) 6px 12px); }
.transition.gradual span { position: absolute; top: 6px; left: 50%; transform: translateX(-50%); white-space: nowrap; font-size: 9.5px; font-weight: 600; letter-spacing: .14em; text-transform: uppercase; color: #f4dcaa; background: rgba(10,10,11,.82); border: 1px solid rgba(244,220,170,.35); padding: 2px 7px; border-radius: 999px; }
.chart { display: block; width: 100%; height: 60px; overflow: visible; }
.chart-beats { height: 28px; }
.chart .grid { stroke: #202227; stroke-width: 1; stroke-dasharray: 2 4; vector-effect: non-scaling-stroke; }
.chart .curve { fill: none; stroke-width: 1.6; stroke-linejoin: round; vector-effect: non-scaling-stroke; }
.chart-luma .curve { stroke: #e9e2d2; }
.chart-luma .area { fill: rgba(233,226,210,.09); }
.chart-loudness .curve { stroke: var(--teal); }
.chart-loudness .area { fill: var(--teal-soft); }
.chart .ref { stroke: var(--teal); stroke-opacity: .55; stroke-dasharray: 6 4; vector-effect: non-scaling-stroke; }
.chart .beat { stroke: var(--gold); stroke-opacity: .45; stroke-width: 1; vector-effect: non-scaling-stroke; }
.chart .beat.strong { stroke-opacity: .95; stroke-width: 1.5; }
.text-bars { position: relative; }
.text-bar { position: absolute; height: 22px; line-height: 20px; padding: 0 8px; border-radius: 5px; background: var(--gold-soft); border: 1px solid rgba(210,176,122,.5); font-size: 11.5px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 4px; }
.text-bar .entrance { font-size: 9.5px; font-weight: 700; letter-spacing: .14em; text-transform: uppercase; color: var(--gold); margin-right: 7px; }
.ruler { position: relative; height: 16px; border-top: 1px solid var(--line); }
.tick { position: absolute; top: 4px; transform: translateX(-50%); font-size: 10.5px; color: var(--faint); }
.tick::before { content: ""; position: absolute; left: 50%; top: -5px; height: 4px; border-left: 1px solid var(--line); }
.tick:first-child { transform: none; }
.tick:first-child::before { left: 0; }

/* missing */
.missing { margin: 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; color: var(--muted); font-size: 12.5px; }
.missing-label { font-size: 10px; font-weight: 600; letter-spacing: .14em; text-transform: uppercase; color: #c98e6b; border: 1px solid rgba(201,142,107,.4); border-radius: 999px; padding: 2px 8px; }
.missing-reason { color: var(--muted); }

/* cards */
.cards { display: grid; grid-template-columns: 1.15fr 1fr 1fr 1.1fr; gap: 18px; margin-bottom: 30px; align-items: stretch; }
.palette-bar { display: flex; height: 54px; border-radius: 8px; overflow: hidden; box-shadow: inset 0 0 0 1px rgba(255,255,255,.06); margin-bottom: 14px; }
.palette-bar span { display: block; flex-basis: 0; min-width: 3px; }
.swatches { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr; gap: 7px 16px; }
.swatches.two-columns { grid-template-columns: 1fr 1fr; }
.swatch { display: flex; align-items: center; gap: 9px; }
.chip { display: inline-block; width: 18px; height: 18px; border-radius: 5px; box-shadow: inset 0 0 0 1px rgba(255,255,255,.12); flex: none; }
.swatch .chip { width: 22px; height: 22px; }
.hex { font: 12px var(--mono); color: var(--text); }
.weight { margin-left: auto; font-size: 12px; color: var(--muted); }
.meter { display: grid; grid-template-columns: 84px 1fr 38px; align-items: center; gap: 10px; margin-bottom: 10px; font-size: 12.5px; }
.meter-label { color: var(--muted); }
.meter-track { height: 5px; border-radius: 3px; background: #24262b; overflow: hidden; }
.meter-track span { display: block; height: 100%; background: linear-gradient(90deg, #8d7a58, var(--gold)); border-radius: 3px; }
.meter-value { text-align: right; font: 12px var(--mono); }
.facts { display: grid; grid-template-columns: 84px 1fr; gap: 8px 10px; margin: 14px 0 0; font-size: 12.5px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.facts.compact { grid-template-columns: 56px 1fr; gap: 4px 10px; margin-top: 10px; }
.split .chip { width: 14px; height: 14px; border-radius: 4px; }
.temp { text-transform: capitalize; padding: 1px 8px; border-radius: 999px; font-size: 12px; }
.temp-warm { background: rgba(214,140,70,.18); color: #e7b07a; }
.temp-cool { background: rgba(90,140,210,.18); color: #9cbbe6; }
.temp-neutral { background: rgba(255,255,255,.07); color: var(--text); }
.bipolar { margin-bottom: 11px; }
.bipolar-head { display: flex; justify-content: space-between; font-size: 12.5px; margin-bottom: 5px; }
.bipolar-head .value { font: 12px var(--mono); color: var(--text); }
.bipolar-track { position: relative; height: 6px; border-radius: 3px; background: #24262b; }
.bipolar-temperature .bipolar-track { background: linear-gradient(90deg, rgba(90,140,210,.35), #24262b 50%, rgba(214,140,70,.35)); }
.bipolar-tint .bipolar-track { background: linear-gradient(90deg, rgba(90,180,110,.32), #24262b 50%, rgba(200,90,170,.32)); }
.bipolar-fill { position: absolute; top: 0; bottom: 0; background: var(--gold); border-radius: 3px; }
.bipolar-zero { position: absolute; left: 50%; top: -3px; bottom: -3px; border-left: 1px solid var(--muted); }
.bipolar-ends { display: flex; justify-content: space-between; font-size: 10px; color: var(--faint); margin-top: 3px; }
.note { margin: 8px 0 0; font-size: 11.5px; color: var(--faint); }
.mood { margin: 0 0 10px; font: 500 30px/1.1 var(--serif); text-transform: capitalize; color: var(--text); }
.pills { display: flex; flex-wrap: wrap; gap: 6px; }
.pill { padding: 3px 9px; border-radius: 999px; border: 1px solid var(--line); font-size: 11.5px; color: var(--muted); }
.pill.on { border-color: rgba(125,184,170,.45); color: var(--teal); }
.features { list-style: none; margin: 0; padding: 0; display: grid; gap: 7px; }
.features li { display: grid; grid-template-columns: minmax(0, 1.3fr) 1fr 52px; align-items: center; gap: 10px; font-size: 12.5px; }
.feature-name { color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.feature-bar { height: 4px; border-radius: 2px; background: #24262b; overflow: hidden; }
.feature-bar.empty { background: transparent; }
.feature-bar span { display: block; height: 100%; background: var(--teal); }
.feature-value { text-align: right; font: 12px var(--mono); }

/* shots */
.section-title { margin: 6px 0 16px; }
.shot-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(236px, 1fr)); gap: 16px; margin-bottom: 30px; }
.shot-card { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; padding: 12px; }
.frame { position: relative; margin: 0 auto 10px; border-radius: 7px; overflow: hidden; background: #060607; }
.frame .thumb { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; display: block; }
.thirds { position: absolute; inset: 0; background:
  linear-gradient(90deg, transparent calc(33.333% - .5px), rgba(255,255,255,.28) calc(33.333% - .5px) calc(33.333% + .5px), transparent calc(33.333% + .5px) calc(66.667% - .5px), rgba(255,255,255,.28) calc(66.667% - .5px) calc(66.667% + .5px), transparent calc(66.667% + .5px)),
  linear-gradient(180deg, transparent calc(33.333% - .5px), rgba(255,255,255,.28) calc(33.333% - .5px) calc(33.333% + .5px), transparent calc(33.333% + .5px) calc(66.667% - .5px), rgba(255,255,255,.28) calc(66.667% - .5px) calc(66.667% + .5px), transparent calc(66.667% + .5px)); }
.salient { position: absolute; width: 14px; height: 14px; margin: -7px 0 0 -7px; border-radius: 50%; border: 2px solid var(--gold); box-shadow: 0 0 0 3px rgba(0,0,0,.35), 0 0 10px rgba(210,176,122,.8); }
.shot-card header { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 8px; font-size: 12px; }
.shot-title { font: 500 17px/1 var(--serif); }
.shot-colour { display: flex; flex-direction: column; gap: 5px; font-size: 12px; }
.chips { display: flex; gap: 4px; }
.shot-card .missing { margin-top: 6px; }

/* warnings & footer */
.warnings-card { margin-bottom: 26px; }
.warnings { margin: 0; padding: 0; list-style: none; display: grid; gap: 8px; }
.warnings li { padding: 8px 12px 8px 14px; border-left: 2px solid #c98e6b; background: rgba(201,142,107,.06); border-radius: 0 6px 6px 0; font-size: 13px; }
.all-clear { margin: 0; color: var(--teal); }
footer { color: var(--faint); font-size: 11.5px; letter-spacing: .04em; }

/* the PNG summary: the page opened at #summary */
body:has(#summary:target) .details, body:has(#summary:target) footer { display: none; }
body:has(#summary:target) { display: flex; flex-direction: column; min-height: 100vh; }
body:has(#summary:target) .page { flex: 1; display: flex; flex-direction: column; width: 100%; }
body:has(#summary:target) .cards { flex: 1; margin-bottom: 0; }
`;

import { createHash } from 'crypto';

/**
 * The one stylesheet of the employer's pages, inlined in a `<style>` element and allowed by its
 * hash, so the pages need neither a CSS route nor `'unsafe-inline'`. No `style` attributes are
 * used anywhere (a hash does not cover them).
 *
 * Contrast on white (and on the grey page and green panel): text #1b2631 15.4:1, muted #4a5763
 * 7.4:1 (6.7:1), primary #0b5570 8.2:1 (white on it the same), error #a4161a 7.8:1, success
 * #1e6b3a 6.5:1 (5.9:1); input borders #5d6b77 5.5:1; focus: a #0b5570 ring with a yellow halo.
 */
export const SHORTLIST_PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b2631;background:#f3f5f6}
a{color:#0b5570;text-underline-offset:.15em}
a:hover{color:#06384a;text-decoration-thickness:2px}
:focus-visible{outline:3px solid #0b5570;outline-offset:2px;box-shadow:0 0 0 6px #ffd84d}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:1rem;z-index:10;background:#fff;padding:.5rem .75rem}
.wrap{max-width:48rem;margin:0 auto;padding:0 1rem}
.site-header{background:#0b5570;color:#fff}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem;padding-top:.85rem;padding-bottom:.85rem}
.brand{margin:0;font-weight:700;font-size:1.2rem;letter-spacing:.01em}
.brand-sub{margin:0;font-size:.95rem}
main{display:block;padding:1.75rem 0 2.5rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .5rem}
h2{font-size:1.4rem;line-height:1.3;margin:0}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
p{margin:0 0 .75rem}
ul{margin:0;padding-left:1.25rem}
li{margin:.2rem 0}
.lead{color:#4a5763;margin-bottom:1rem}
.text{white-space:pre-line;overflow-wrap:anywhere}
.panel{background:#fff;border:1px solid #d3dbe0;border-radius:8px;padding:1rem 1.1rem;margin:0 0 1.5rem}
.panel h2{font-size:1.15rem;margin-bottom:.6rem}
.intro-meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.intro-meta dt{font-weight:600}
.intro-meta dd{margin:0;overflow-wrap:anywhere}
.links{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.25rem 0 0;padding:0;list-style:none}
.privacy{color:#4a5763;font-size:.95rem}
.notice{border-radius:8px;padding:.85rem 1rem;margin:0 0 1.25rem;border:2px solid;background:#fff;font-weight:600}
.notice-success{border-color:#1e6b3a;color:#1e6b3a}
.notice-error{border-color:#a4161a;color:#a4161a}
.error-summary{border:3px solid #a4161a;border-radius:8px;background:#fff;padding:1rem 1.1rem;margin:0 0 1.25rem}
.error-summary h2{font-size:1.15rem;color:#a4161a;margin-bottom:.5rem}
.error-summary a{color:#a4161a;font-weight:600}
.candidate{background:#fff;border:1px solid #d3dbe0;border-radius:8px;padding:1.25rem 1.1rem;margin:0 0 1.5rem}
.candidate-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.35rem 1rem;margin-bottom:.75rem;border-bottom:1px solid #e3e8eb;padding-bottom:.6rem}
.revealed{font-weight:400;color:#4a5763}
.badge{display:inline-block;border:1px solid #0b5570;color:#0b5570;border-radius:999px;padding:.05rem .7rem;font-size:.9rem;font-weight:600}
.facts{display:grid;grid-template-columns:1fr;gap:.15rem 1rem;margin:.75rem 0 0}
.facts dt{font-weight:600}
.facts dd{margin:0 0 .35rem}
.note{color:#4a5763}
.tag{display:inline-block;margin-left:.35rem;font-size:.85rem;font-weight:600;color:#1e6b3a;white-space:nowrap}
.arrangements{background:#eef5f1;border-left:5px solid #1e6b3a;border-radius:0 8px 8px 0;padding:.75rem 1rem;margin:1.25rem 0 0}
.arrangements h3{margin-top:0}
.arrangements li{margin:.4rem 0}
.answer{background:#f3f5f6;border-radius:8px;padding:.75rem 1rem;margin:1.25rem 0 0}
.answer h3{margin-top:0}
.answer dl{margin:0}
.answer dt{font-weight:600}
.answer dd{margin:0 0 .35rem}
details{margin-top:1rem}
summary{cursor:pointer;color:#0b5570;font-weight:600;padding:.25rem 0}
.answer-form{margin-top:1.25rem;border-top:1px solid #e3e8eb;padding-top:.25rem}
fieldset{border:0;padding:0;margin:0 0 1rem;min-width:0}
legend{font-weight:700;font-size:1.05rem;padding:0;margin:1rem 0 .5rem}
.choice{display:flex;align-items:center;gap:.6rem;margin:.35rem 0}
.choice input{width:1.35rem;height:1.35rem;margin:0;accent-color:#0b5570;flex:none}
.field{margin:0 0 1rem}
.field label{display:block;font-weight:600}
.hint{display:block;color:#4a5763;font-size:.95rem;margin-bottom:.3rem}
input[type=datetime-local],select,textarea{display:block;width:100%;max-width:100%;font:inherit;color:#1b2631;background:#fff;border:2px solid #5d6b77;border-radius:6px;padding:.45rem .6rem}
textarea{min-height:6.5rem;resize:vertical}
[aria-invalid=true]{border-color:#a4161a}
.field-error{color:#a4161a;font-weight:600;margin:.15rem 0 .35rem}
button{font:inherit;font-weight:700;color:#fff;background:#0b5570;border:2px solid #0b5570;border-radius:6px;padding:.6rem 1.25rem;cursor:pointer}
button:hover{background:#06384a;border-color:#06384a}
.answer-form:has(input[value=question]:checked) .for-invite,.answer-form:has(input[value=question]:checked) .for-not-suitable,.answer-form:has(input[value=invite]:checked) .for-not-suitable,.answer-form:has(input[value=not-suitable]:checked) .for-invite{display:none}
.site-footer{border-top:1px solid #d3dbe0;background:#fff;color:#4a5763;font-size:.95rem}
.site-footer .wrap{padding-top:1.25rem;padding-bottom:1.5rem}
.site-footer p{margin:0 0 .4rem}
@media (min-width:40rem){
h1{font-size:2rem}
.facts{grid-template-columns:max-content 1fr}
.facts dd{margin:0}
.candidate{padding:1.5rem 1.75rem}
}
@media print{
body{background:#fff}
.site-header{background:#fff;color:#000;border-bottom:2px solid #000}
.answer-form,details,.skip,.links{display:none}
.candidate{break-inside:avoid;border-color:#999}
}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto}}
`.trim();

/** `'sha256-…'` of the inline stylesheet, for the page's Content-Security-Policy. */
export const SHORTLIST_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(SHORTLIST_PAGE_CSS, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy the employer's pages (page and message) need: no scripts, no
 * images or fonts, the one inline stylesheet by hash, forms posting to the same origin only.
 */
export const SHORTLIST_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${SHORTLIST_PAGE_STYLE_HASH}`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

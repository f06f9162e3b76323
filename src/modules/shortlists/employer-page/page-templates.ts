/**
 * Handlebars templates of the employer's pages, kept in a .ts module so they work the same under
 * ts-node/Jest and in `nest build` output. `{{ }}` escapes; the only `{{{ }}}` are the constant
 * stylesheet and the page body rendered by these same templates.
 */

export const FRAME_TEMPLATE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>{{pageTitle}} – Werkspoor 45+</title>
<style>{{{css}}}</style>
</head>
<body>
<a class="skip" href="#inhoud">Direct naar de inhoud</a>
<header class="site-header">
<div class="wrap">
<p class="brand">Werkspoor 45+</p>
<p class="brand-sub">Werkgeversdienstverlening</p>
</div>
</header>
<main id="inhoud">
<div class="wrap">
{{> @partial-block }}
</div>
</main>
<footer class="site-footer">
<div class="wrap">
<p>Werkspoor 45+ helpt werkzoekenden van 45 jaar en ouder aan werk, samen met werkgevers in de regio.</p>
{{#if footerNote}}<p>{{footerNote}}</p>{{/if}}
</div>
</footer>
</body>
</html>
`;

export const MESSAGE_TEMPLATE = `{{#> frame}}
<h1>{{title}}</h1>
<div class="panel">
<p class="text">{{message}}</p>
</div>
{{/frame}}`;

export const PAGE_TEMPLATE = `{{#> frame}}
<h1>{{title}}</h1>
<p class="lead">Voor {{employerName}}{{#if sentOn}} · verstuurd op {{sentOn}}{{/if}} · {{validUntil}}</p>
{{#if notice}}
<div class="notice notice-{{notice.kind}}" role="{{notice.role}}">{{notice.text}}</div>
{{/if}}
{{#if errorSummary.length}}
<div class="error-summary" role="alert" aria-labelledby="fouten-titel">
<h2 id="fouten-titel">Uw antwoord is nog niet verstuurd</h2>
<ul>
{{#each errorSummary}}<li><a href="#{{target}}">{{candidate}}: {{text}}</a></li>
{{/each}}
</ul>
</div>
{{/if}}
<section class="panel" aria-labelledby="over-titel">
<h2 id="over-titel">Over deze lijst</h2>
{{#if vacancy}}
<dl class="intro-meta">
<dt>Vacature</dt><dd>{{vacancy.title}}</dd>
<dt>Uren</dt><dd>{{vacancy.hours}}</dd>
{{#if vacancy.place}}<dt>Plaats</dt><dd>{{vacancy.place}}</dd>{{/if}}
</dl>
{{/if}}
{{#if introduction}}<p class="text">{{introduction}}</p>{{/if}}
<p>Geef per kandidaat uw antwoord: nodig uit voor een gesprek, stel een vraag of laat weten dat iemand niet past. Uw accountmanager neemt daarna contact met u op.</p>
<p class="privacy">Om de privacy van de kandidaten te beschermen ziet u geen namen, leeftijden of contactgegevens.</p>
<p>Uw contactpersoon: {{accountManager.name}}, accountmanager, <a href="mailto:{{accountManager.email}}">{{accountManager.email}}</a></p>
<ul class="links">
<li><a href="{{pdfHref}}">Download deze lijst als PDF (om te printen)</a></li>
</ul>
</section>
{{#if closed}}
<div class="notice notice-success" role="status">Deze lijst is gesloten. U kunt niet meer antwoorden; uw eerdere antwoorden staan hieronder.</div>
{{/if}}
{{#each candidates}}
<section class="candidate" id="{{id}}" aria-labelledby="{{id}}-titel">
<div class="candidate-head">
<h2 id="{{id}}-titel">{{label}}{{#if revealedName}} <span class="revealed">({{revealedName}})</span>{{/if}}</h2>
{{#if matchLabel}}<span class="badge">Match: {{matchLabel}}</span>{{/if}}
</div>
{{#if pitch}}<p class="text">{{pitch}}</p>{{/if}}
<dl class="facts">
<dt>Uren</dt><dd>{{hours}}</dd>
<dt>Beschikbaar</dt><dd>{{availability}}</dd>
{{#if commute}}<dt>Reisafstand</dt><dd>{{commute}}</dd>{{/if}}
{{#if educationLevel}}<dt>Opleiding</dt><dd>{{educationLevel}}</dd>{{/if}}
{{#if drivingLicences}}<dt>Rijbewijs</dt><dd>{{drivingLicences}}</dd>{{/if}}
</dl>
{{#if experience.length}}
<h3>Werkervaring</h3>
<ul>
{{#each experience}}<li>{{occupation}} <span class="note">– {{detail}}</span></li>
{{/each}}
</ul>
{{/if}}
{{#if skills.length}}
<h3>Vaardigheden</h3>
<ul>
{{#each skills}}<li>{{label}} <span class="note">({{evidence}})</span>{{#if forVacancy}}<span class="tag">gevraagd in de vacature</span>{{/if}}</li>
{{/each}}
</ul>
{{/if}}
{{#if languages.length}}
<h3>Talen</h3>
<ul>
{{#each languages}}<li>{{name}} <span class="note">– niveau {{level}}</span></li>
{{/each}}
</ul>
{{/if}}
{{#if certificates.length}}
<h3>Certificaten</h3>
<ul>
{{#each certificates}}<li>{{this}}</li>
{{/each}}
</ul>
{{/if}}
<section class="arrangements" aria-labelledby="{{id}}-regelingen">
<h3 id="{{id}}-regelingen">Regelingen</h3>
{{#if arrangements.length}}
<p>Wat dit voor u als werkgever kost of oplevert:</p>
<ul>
{{#each arrangements}}<li><strong>{{label}}</strong>: {{summary}}</li>
{{/each}}
</ul>
{{else}}
<p>Voor deze kandidaat zijn geen regelingen vastgelegd. Uw accountmanager vertelt u graag wat mogelijk is.</p>
{{/if}}
</section>
{{#if answer}}
<section class="answer" aria-labelledby="{{id}}-antwoord">
<h3 id="{{id}}-antwoord">Uw antwoord</h3>
<dl>
<dt>{{answer.label}}</dt><dd>op {{answer.at}}</dd>
{{#if answer.interviewAt}}<dt>Voorgesteld moment voor het gesprek</dt><dd>{{answer.interviewAt}}</dd>{{/if}}
{{#if answer.reason}}<dt>Reden</dt><dd>{{answer.reason}}</dd>{{/if}}
{{#if answer.text}}<dt>Uw toelichting</dt><dd class="text">{{answer.text}}</dd>{{/if}}
</dl>
</section>
{{/if}}
{{#if form}}
{{#if answer}}<details{{#if form.open}} open{{/if}}>
<summary>Uw antwoord wijzigen</summary>{{/if}}
<form class="answer-form" method="post" action="{{form.action}}" aria-labelledby="{{id}}-vraag">
{{#if form.error}}<p class="field-error" id="{{id}}-fout">Fout: {{form.error}}</p>{{/if}}
<fieldset{{#if form.kindError}} aria-describedby="{{id}}-kind-fout"{{/if}}>
<legend id="{{id}}-vraag">Wat wilt u doen met {{label}}?</legend>
{{#if form.kindError}}<p class="field-error" id="{{id}}-kind-fout">Fout: {{form.kindError}}</p>{{/if}}
{{#each form.kinds}}<div class="choice"><input type="radio" id="{{inputId}}" name="kind" value="{{value}}" required{{#if checked}} checked{{/if}}><label for="{{inputId}}">{{label}}</label></div>
{{/each}}
</fieldset>
<div class="field for-invite">
<label for="{{id}}-interviewAt">Voorgesteld moment voor het gesprek</label>
<span class="hint" id="{{id}}-interviewAt-hint">Bij uitnodigen: de datum en tijd die u voorstelt.</span>
{{#if form.interviewAtError}}<p class="field-error" id="{{id}}-interviewAt-fout">Fout: {{form.interviewAtError}}</p>{{/if}}
<input type="datetime-local" id="{{id}}-interviewAt" name="interviewAt" value="{{form.interviewAt}}" aria-describedby="{{id}}-interviewAt-hint{{#if form.interviewAtError}} {{id}}-interviewAt-fout{{/if}}"{{#if form.interviewAtError}} aria-invalid="true"{{/if}}>
</div>
<div class="field for-not-suitable">
<label for="{{id}}-reason">Reden</label>
<span class="hint" id="{{id}}-reason-hint">Bij niet geschikt: kies wat het beste past.</span>
{{#if form.reasonError}}<p class="field-error" id="{{id}}-reason-fout">Fout: {{form.reasonError}}</p>{{/if}}
<select id="{{id}}-reason" name="reason" aria-describedby="{{id}}-reason-hint{{#if form.reasonError}} {{id}}-reason-fout{{/if}}"{{#if form.reasonError}} aria-invalid="true"{{/if}}>
<option value="">Kies een reden</option>
{{#each form.reasons}}<option value="{{code}}"{{#if selected}} selected{{/if}}>{{label}}</option>
{{/each}}
</select>
</div>
<div class="field">
<label for="{{id}}-text">Uw vraag, toelichting of bericht</label>
<span class="hint" id="{{id}}-text-hint">Bij een vraag: uw vraag. Bij uitnodigen of niet geschikt: een bericht of toelichting, als u wilt.</span>
{{#if form.textError}}<p class="field-error" id="{{id}}-text-fout">Fout: {{form.textError}}</p>{{/if}}
<textarea id="{{id}}-text" name="text" rows="4" aria-describedby="{{id}}-text-hint{{#if form.textError}} {{id}}-text-fout{{/if}}"{{#if form.textError}} aria-invalid="true"{{/if}}>{{form.text}}</textarea>
</div>
<button type="submit">Antwoord versturen</button>
</form>
{{#if answer}}</details>{{/if}}
{{/if}}
</section>
{{/each}}
{{/frame}}`;

// Documents of application families the other generators leave out: editor content (Gutenberg
// blocks, video embeds, editor tables with inline styles), chat messages in many scripts, email as
// MIME and as inbound-mail webhooks, Jupyter notebooks, CI logs and issue bodies with stack traces,
// Terraform and Helm sources, Elasticsearch painless scripts, GraphQL with fragments, CSV/TSV uploads.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { camel, capitalised, date, decimal, hex, host, ident, int, noun, pascal, phrase, sentence, small, timestamp, uuid } from "./words.js";
import { personName } from "./text.js";

// --- CMS / editor content ------------------------------------------------------------------------------
const ytId = fc.stringMatching(/^[A-Za-z0-9_-]{11}$/);
const embed = fc.oneof(
  fc.tuple(ytId, phrase).map(([id, t]) => `<iframe width="560" height="315" src="https://www.youtube.com/embed/${id}?si=${id.slice(0, 8)}" title="${t}" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`),
  fc.tuple(fc.integer({ min: 10000000, max: 999999999 }), phrase).map(([id, t]) => `<div style="padding:56.25% 0 0 0;position:relative;"><iframe src="https://player.vimeo.com/video/${id}?h=4b1c2d&amp;badge=0&amp;autopause=0&amp;player_id=0&amp;app_id=58479" frameborder="0" allow="autoplay; fullscreen; picture-in-picture; clipboard-write" style="position:absolute;top:0;left:0;width:100%;height:100%;" title="${t}"></iframe></div>`),
  fc.tuple(ident, small).map(([m, z]) => `<iframe src="https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d${z}04.5!2d-6.26!3d53.34!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1" width="600" height="450" style="border:0;" allowfullscreen="" loading="lazy" title="${m}"></iframe>`),
  fc.tuple(ident, phrase).map(([u, t]) => `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${t}</p>&mdash; ${u} (@${u}) <a href="https://twitter.com/${u}/status/1780000000000000000?ref_src=twsrc%5Etfw">April 16, 2024</a></blockquote>`),
);
const styled = fc.oneof(
  fc.tuple(pick(["text-align: center;", "text-align: justify;", "margin-left: 40px;", "line-height: 1.5;", "font-family: 'Open Sans', Arial, sans-serif; font-size: 14pt;", "color: #e03e2d; background-color: #fbeeb8;"]), sentence).map(([s, t]) => `<p style="${s}">${t}</p>`),
  fc.tuple(fc.array(capitalised, { minLength: 2, maxLength: 4 }), fc.array(fc.oneof(phrase, decimal), { minLength: 2, maxLength: 4 })).map(([hs, cs]) =>
    `<table style="border-collapse: collapse; width: 100%; height: 44px;" border="1"><colgroup>${hs.map(() => `<col style="width: ${Math.floor(100 / hs.length)}%;">`).join("")}</colgroup><tbody><tr style="height: 22px;">${hs.map((h) => `<th style="height: 22px;">${h}</th>`).join("")}</tr><tr>${cs.map((c, i) => `<td${i === 0 ? ' colspan="1" rowspan="1"' : ""} style="text-align: right;">${c}</td>`).join("")}</tr></tbody></table>`),
  fc.tuple(phrase, ident).map(([t, c]) => `<p><span style="font-size: 18pt;"><strong>${t}</strong></span> <span class="mention" data-mention="@${c}" contenteditable="false">@${c}</span></p>`),
  fc.tuple(host, ident, phrase).map(([h, f, alt]) => `<p><img class="aligncenter size-large wp-image-${f.length}123" src="https://${h}/wp-content/uploads/2024/05/${f}-1024x683.jpg" alt="${alt}" width="1024" height="683" srcset="https://${h}/wp-content/uploads/2024/05/${f}-1024x683.jpg 1024w, https://${h}/wp-content/uploads/2024/05/${f}-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /></p>`),
  fc.tuple(phrase, sentence).map(([t, s]) => `<details><summary>${t}</summary><p>${s}</p></details>`),
  fc.tuple(phrase, pick(["javascript", "python", "bash", "sql"]), ident).map(([t, l, x]) => `<pre class="language-${l}"><code>const ${x} = await fetch('/api/${x}');\n// ${t}</code></pre>`),
);
const wpBlock = fc.oneof(
  sentence.map((s) => `<!-- wp:paragraph -->\n<p>${s}</p>\n<!-- /wp:paragraph -->`),
  fc.tuple(pick([2, 3]), capitalised).map(([l, c]) => `<!-- wp:heading${l === 3 ? ' {"level":3}' : ""} -->\n<h${l} class="wp-block-heading">${c}</h${l}>\n<!-- /wp:heading -->`),
  fc.tuple(int, host, ident, phrase).map(([id, h, f, cap]) => `<!-- wp:image {"id":${id},"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="https://${h}/wp-content/uploads/${f}.jpg" alt="" class="wp-image-${id}"/><figcaption class="wp-element-caption">${cap}</figcaption></figure>\n<!-- /wp:image -->`),
  ytId.map((id) => `<!-- wp:embed {"url":"https://www.youtube.com/watch?v=${id}","type":"video","providerNameSlug":"youtube","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=${id}\n</div></figure>\n<!-- /wp:embed -->`),
  fc.array(phrase, { minLength: 1, maxLength: 3 }).map((xs) => `<!-- wp:list -->\n<ul>${xs.map((x) => `<!-- wp:list-item -->\n<li>${x}</li>\n<!-- /wp:list-item -->`).join("\n")}</ul>\n<!-- /wp:list -->`),
  fc.tuple(phrase, host).map(([t, h]) => `<!-- wp:buttons -->\n<div class="wp-block-buttons"><!-- wp:button {"backgroundColor":"vivid-red","style":{"border":{"radius":"4px"}}} -->\n<div class="wp-block-button"><a class="wp-block-button__link has-vivid-red-background-color has-background wp-element-button" href="https://${h}/signup" style="border-radius:4px">${t}</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->`),
  ident.map((x) => `<!-- wp:code -->\n<pre class="wp-block-code"><code>npm install ${x} --save\nimport ${x} from '${x}';</code></pre>\n<!-- /wp:code -->`),
  sentence.map((s) => `<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>${s}</p>\n<!-- /wp:paragraph --><cite>${s.split(" ")[0]}</cite></blockquote>\n<!-- /wp:quote -->`),
);
const wpHtmlEmbed = embed.map((e) => `<!-- wp:html -->\n${e}\n<!-- /wp:html -->`);
const post = (content: fc.Arbitrary<string>): fc.Arbitrary<object> => fc.tuple(capitalised, content, pick(["publish", "draft", "pending"]), sentence)
  .map(([title, c, status, excerpt]) => ({ title, content: c, status, excerpt, categories: [3, 7], meta: { _yoast_wpseo_metadesc: excerpt } }));
/** A post body a CMS API receives: Gutenberg blocks (oEmbed URLs for videos) or classic-editor HTML with inline styles. */
export const cmsPost: fc.Arbitrary<object> = post(fc.oneof(
  fc.array(wpBlock, { minLength: 1, maxLength: 5 }).map((xs) => xs.join("\n\n")),
  fc.array(styled, { minLength: 1, maxLength: 4 }).map((xs) => xs.join("\n")),
));
/** Posts with raw embed code pasted in (`<iframe>` of a video or map). Blocked on purpose (benign-apps.test.ts says why). */
export const cmsEmbedPost: fc.Arbitrary<object> = post(fc.array(fc.oneof(styled, embed, wpBlock, wpHtmlEmbed), { minLength: 1, maxLength: 4 }).map((xs) => xs.join("\n")).filter((c) => c.includes("<iframe")));

// --- chat ------------------------------------------------------------------------------------------------
const INTL = [
  "今日の会議は15時からです。資料は共有フォルダにあります 📎", "收到，我马上处理一下这个问题！👍", "Привет! Ты видел новый релиз? Всё работает 🚀",
  "مرحبا، هل يمكنك مراجعة الطلب رقم ٤٥؟ شكراً 🙏", "नमस्ते, क्या आप कल की बैठक में आएंगे?", "안녕하세요! 배포가 완료되었습니다 ✅", "Merhaba, siparişim ne zaman gelir? 😊",
  "Grüße aus München – die Änderung ist übernommen, Danke für's Review!", "« C'est prêt ? » — oui, j'ai mis à jour l'écran d'accueil 👌", "¿Puedes revisar el PR? ¡Gracias! 🎉",
  "Olá, tudo bem? Não consegui acessar o painel 😕", "שלום, הבדיקה עברה בהצלחה 👍", "Γεια σου! Το build πέρασε ✔️", "Xin chào, mình đã sửa lỗi đăng nhập rồi nhé 😄",
  "ok 👍🏽 will do", "👨‍👩‍👧‍👦 family trip pics 📸🏖️", "🏳️‍🌈 happy pride month everyone!! 🎉🎉", "lol 😂😂😂 that's so true", "brb ☕", "👀", "I <3 this team :) <3",
];
const slackish = fc.oneof(
  fc.tuple(fc.stringMatching(/^U[A-Z0-9]{8}$/), phrase).map(([u, p]) => `<@${u}> can you take a look at ${p}?`),
  fc.tuple(fc.stringMatching(/^C[A-Z0-9]{8}$/), phrase).map(([c, p]) => `moving this to <#${c}|${p.split(" ")[0]}> :thread:`),
  fc.tuple(host, ident, phrase).map(([h, p, t]) => `see <https://${h}/${p}|${t}> for details :eyes:`),
  fc.tuple(ident, phrase).map(([f, p]) => `\`${f}()\` throws when ${p} is empty, repro:\n\`\`\`\n${f}(null)\n\`\`\``),
  fc.tuple(phrase, phrase).map(([a, b]) => `> ${a}\n+1, also ${b} :+1: :tada:`),
  fc.tuple(personName, decimal).map(([n, x]) => `${n} said the invoice is €${x} — isn't that > last month's? :thinking_face:`),
  fc.tuple(ident).map(([n]) => `<!here> deploy of ${n} starts in 5 min, ping me if it's a problem <!subteam^S012ABCDE>`),
);
/** A chat message as a chat service posts it to its API or a bot receives it. */
export const chatMessage: fc.Arbitrary<object> = fc.tuple(fc.oneof(pick(INTL), slackish, fc.tuple(pick(INTL), slackish).map(([a, b]) => `${a}\n${b}`)), fc.stringMatching(/^C[A-Z0-9]{8}$/), fc.stringMatching(/^U[A-Z0-9]{8}$/), fc.integer({ min: 1700000000, max: 1800000000 }))
  .map(([text, channel, user, ts]) => ({ type: "event_callback", event: { type: "message", channel, user, text, ts: `${ts}.000${ts % 1000}`, blocks: [{ type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] }] } }));

// --- email ----------------------------------------------------------------------------------------------
const qp = (s: string) => s.replace(/=/g, "=3D").replace(/[^\x20-\x7e\n]/g, (c) => [...Buffer.from(c)].map((b) => "=" + b.toString(16).toUpperCase().padStart(2, "0")).join("")).replace(/(.{72})/g, "$1=\n");
const emailHtml = fc.tuple(personName, fc.array(sentence, { minLength: 1, maxLength: 3 }), host, ident, decimal).map(([n, ss, h, t, x]) =>
  `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><style type="text/css">body{margin:0;padding:0;font-family:Helvetica,Arial,sans-serif}.btn{background:#0b5cff;color:#fff!important;border-radius:4px}@media only screen and (max-width:600px){.container{width:100%!important}}</style><!--[if mso]><style>table{border-collapse:collapse}</style><![endif]--></head>` +
  `<body><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4"><tr><td align="center"><table class="container" width="600" style="background:#ffffff;"><tr><td style="padding:24px;font-size:16px;line-height:24px;color:#333333;"><p>Hi ${n.split(/[ ,]/)[0]},</p>${ss.map((s) => `<p>${s}</p>`).join("")}<p>Total: <b>&euro;${x}</b></p>` +
  `<a class="btn" href="https://${h}/track/click?u=${t}&amp;id=${x}" style="display:inline-block;padding:12px 20px;text-decoration:none;">View order</a></td></tr></table>` +
  `<p style="font-size:12px;color:#999;">You received this email because you signed up at ${h}. <a href="https://${h}/unsubscribe?e=${t}%40example.com">Unsubscribe</a></p></td></tr></table><img src="https://${h}/o/${t}.gif" width="1" height="1" alt="" style="display:none"></body></html>`);
const mime = fc.tuple(personName, host, sentence, emailHtml, fc.array(sentence, { minLength: 1, maxLength: 3 }), hex, timestamp).map(([n, h, subj, html, ss, b, t]) =>
  `Return-Path: <bounce-${b}@mail.${h}>\r\nReceived: from mail.${h} (mail.${h} [203.0.113.25])\r\n\tby mx.example.com with ESMTPS id ${b}\r\n\tfor <support@example.com>; ${new Date(t).toUTCString()}\r\nDKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${h}; s=s1;\r\n\th=from:to:subject:date:message-id; bh=${Buffer.from(b).toString("base64")}=;\r\n\tb=${Buffer.from(b + b + b).toString("base64")}\r\n` +
  `From: "${n}" <${n.split(/[ ,]/)[0].toLowerCase().replace(/'/g, "")}@${h}>\r\nTo: support@example.com\r\nSubject: =?UTF-8?Q?${qp(subj).replace(/ /g, "_")}?=\r\nDate: ${new Date(t).toUTCString()}\r\nMessage-ID: <${b}.${b.length}@${h}>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b1_${b}"\r\n\r\n` +
  `--b1_${b}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp(ss.join(" "))}\r\n\r\n--b1_${b}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp(html)}\r\n--b1_${b}--\r\n`);
/** An inbound-mail webhook: the raw MIME message or its parsed parts (Mailgun, SendGrid, Postmark style). */
export const inboundMail: fc.Arbitrary<object> = fc.oneof(
  fc.tuple(mime, uuid).map(([raw, id]) => ({ id, raw, envelope: { to: ["support@example.com"], from: "bounce@example.net" } })),
  fc.tuple(emailHtml, personName, sentence, host).map(([html, n, subj, h]) => ({ From: `${n} <noreply@${h}>`, Subject: subj, HtmlBody: html, TextBody: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "), Headers: [{ Name: "X-Mailer", Value: "Microsoft Outlook 16.0" }, { Name: "Received-SPF", Value: `pass (example.com: domain of ${h} designates 203.0.113.25 as permitted sender)` }] })),
);

// --- Jupyter notebooks -----------------------------------------------------------------------------------
const pyCell = fc.oneof(
  fc.tuple(ident, pick(["csv", "parquet", "json"])).map(([f, e]) => [`import pandas as pd\n`, `import numpy as np\n`, `df = pd.read_${e}('data/${f}.${e}')\n`, `df.head()`]),
  fc.tuple(ident, ident).map(([a, b]) => [`df.groupby('${a}')['${b}'].agg(['mean', 'count']).sort_values('count', ascending=False)`]),
  fc.tuple(ident).map(([a]) => [`%matplotlib inline\n`, `import matplotlib.pyplot as plt\n`, `fig, ax = plt.subplots(figsize=(10, 4))\n`, `df['${a}'].plot(kind='hist', bins=50, ax=ax)\n`, `plt.title('${a} distribution')`]),
  fc.tuple(ident).map(([p]) => [`!pip install -q ${p.replace(/_/g, "-")}==1.2.0 scikit-learn`]),
  fc.tuple(ident, ident).map(([a, b]) => [`from sklearn.model_selection import train_test_split\n`, `X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=['${a}']), df['${a}'], test_size=0.2, random_state=42)\n`, `print(f"{len(X_train)} rows, target={'${b}'}")`]),
);
const sqlCell = ident.map((t) => [`%%sql\n`, `SELECT ${t}, COUNT(*) AS n FROM events GROUP BY ${t} ORDER BY n DESC LIMIT 10`]);
const dataFrameHtml = fc.tuple(ident, ident, decimal).map(([a, b, x]) => ({ output_type: "execute_result", execution_count: 3, data: { "text/plain": [`   ${a}  ${b}\n`, `0  ${x}  1`], "text/html": [`<div>\n<style scoped>\n    .dataframe tbody tr th:only-of-type {\n        vertical-align: middle;\n    }\n</style>\n`, `<table border="1" class="dataframe">\n  <thead>\n    <tr style="text-align: right;">\n      <th></th>\n      <th>${a}</th>\n      <th>${b}</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <th>0</th>\n      <td>${x}</td>\n      <td>1</td>\n    </tr>\n  </tbody>\n</table>\n</div>`] }, metadata: {} }));
const output = fc.oneof(
  fc.tuple(ident).map(([k]) => ({ output_type: "error", ename: "KeyError", evalue: `'${k}'`, traceback: ["\u001b[0;31m---------------------------------------------------------------------------\u001b[0m", "\u001b[0;31mKeyError\u001b[0m                                  Traceback (most recent call last)", `Cell \u001b[0;32mIn[4], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m df[\u001b[38;5;124m'${k}'\u001b[39m]`, `\u001b[0;31mKeyError\u001b[0m: '${k}'`] })),
  fc.tuple(int).map(([n]) => ({ output_type: "stream", name: "stdout", text: [`${n} rows, target=label\n`, "Epoch 1/10 - loss: 0.6931 - acc: 0.5012\n"] })),
  fc.uint8Array({ minLength: 60, maxLength: 400 }).map((b) => ({ output_type: "display_data", data: { "image/png": Buffer.from(b).toString("base64"), "text/plain": ["<Figure size 1000x400 with 1 Axes>"] }, metadata: {} })),
);
const nb = (cell: fc.Arbitrary<string[]>, out: fc.Arbitrary<object>): fc.Arbitrary<object> => fc.tuple(fc.array(fc.tuple(fc.oneof(cell, capitalised.map((c) => [`## ${c}\n`, `We look at *${c.toLowerCase()}* by week.`])), fc.option(out, { nil: undefined })), { minLength: 1, maxLength: 5 }), ident)
  .map(([cells, name]) => ({ type: "notebook", format: "json", path: `analysis/${name}.ipynb`, content: { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { display_name: "Python 3 (ipykernel)", language: "python", name: "python3" }, language_info: { name: "python", version: "3.11.6" } },
    cells: cells.map(([src, o], i) => (src[0].startsWith("## ") ? { cell_type: "markdown", id: `c${i}`, metadata: {}, source: src } : { cell_type: "code", id: `c${i}`, execution_count: i + 1, metadata: {}, source: src, outputs: o ? [o] : [] })) } }));
/** A notebook saved through the Jupyter contents API: Python, shell and magic cells; text, image and error outputs (ANSI tracebacks). */
export const notebook = nb(pyCell, output);
/** Notebooks with a pandas DataFrame's HTML output (`<style scoped>`) or a `%%sql` cell. Blocked on purpose (benign-apps.test.ts says why). */
export const notebookRich = nb(fc.oneof(pyCell, sqlCell), fc.oneof(output, dataFrameHtml)).filter((d) => /<style|%%sql/.test(JSON.stringify(d)));

// --- developer platforms: issues with stack traces, CI logs ------------------------------------------------
const javaTrace = fc.tuple(pascal, camel, pascal, small).map(([c, m, e, n]) => `java.lang.IllegalStateException: ${e} not initialised\n\tat com.example.${c.toLowerCase()}.${c}Service.${m}(${c}Service.java:${n}2)\n\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:186)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\nCaused by: java.lang.NullPointerException: Cannot invoke "String.length()" because "<local1>" is null\n\t... 42 more`);
const pyTrace = fc.tuple(ident, ident, small).map(([m, f, n]) => `Traceback (most recent call last):\n  File "/app/${m}/views.py", line ${n}, in ${f}\n    return self.get_response(request)\n  File "/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py", line 89, in _execute\n    return self.cursor.execute(sql, params)\ndjango.db.utils.OperationalError: no such table: ${m}_${f}`);
const nodeTrace = fc.tuple(camel, ident, small).map(([f, m, n]) => `TypeError: Cannot read properties of undefined (reading '${f}')\n    at ${f} (/usr/src/app/src/${m}.js:${n}:17)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n    at async Promise.all (index 0)`);
const ciLog = fc.tuple(ident, hex, small, fc.oneof(javaTrace, pyTrace, nodeTrace)).map(([r, sha, n, trace]) => [
  `2024-05-01T10:12:0${n.length}.1234567Z ##[group]Run actions/checkout@v4`, `2024-05-01T10:12:01.0000000Z Syncing repository: acme/${r}`,
  `/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +${sha.padEnd(40, "0")}:refs/remotes/origin/main`,
  "##[endgroup]", "\u001b[36;1mnpm ci --no-audit\u001b[0m", "\u001b[32m✓\u001b[39m lint passed \u001b[2m(1.2s)\u001b[22m", "+ set -euo pipefail", `+ npm ci --no-audit --prefer-offline`, `added ${n}12 packages in 14s`, `$ npm test -- --coverage`, trace,
  `npm ERR! Test failed.  See above for more details.`, `##[error]Process completed with exit code 1.`,
].join("\n"));
/** An issue or comment body that quotes code, a log and a stack trace. */
export const issueBody: fc.Arbitrary<object> = fc.tuple(capitalised, fc.oneof(javaTrace, pyTrace, nodeTrace), ciLog, ident, small).map(([t, trace, log, x, n]) => ({
  title: `${t} fails after upgrade to v${n}.0`,
  body: `### Steps to reproduce\n1. Run \`docker compose up -d\`\n2. \`curl -s http://localhost:8080/api/${x} | jq .\`\n3. See error\n\n### Stack trace\n\`\`\`\n${trace}\n\`\`\`\n\n<details><summary>CI log</summary>\n\n\`\`\`\n${log}\n\`\`\`\n</details>\n\nWorks with \`${x}@${Number(n) - 1}.x\`. cc @${x}-team`,
  labels: ["bug", "needs-triage"],
}));
/** A CI job's log as a runner uploads it (a JSON body with the text). */
export const ciLogUpload: fc.Arbitrary<object> = fc.tuple(ciLog, int).map(([log, id]) => ({ job_id: Number(id), state: "failed", trace: { content: log, offset: 0 } }));

// --- infrastructure sources --------------------------------------------------------------------------------
const tfResource = fc.oneof(
  fc.tuple(ident, ident).map(([n, p]) => `resource "aws_s3_bucket" "${n}" {\n  bucket = "\${var.prefix}-${n.replace(/_/g, "-")}"\n  tags = merge(local.common_tags, { Name = "${p}" })\n}`),
  fc.tuple(ident, small).map(([n, c]) => `resource "aws_instance" "${n}" {\n  ami           = data.aws_ami.ubuntu.id\n  instance_type = "t3.micro"\n  count         = var.enabled ? ${c} : 0\n  user_data     = <<-EOF\n    #!/bin/bash\n    apt-get update -y && apt-get install -y nginx\n    systemctl enable --now nginx\n  EOF\n}`),
  fc.tuple(ident).map(([n]) => `variable "${n}" {\n  type        = string\n  description = "Name of the ${n}"\n  default     = "${n}"\n  validation {\n    condition     = can(regex("^[a-z0-9-]+$", var.${n}))\n    error_message = "Only lower-case letters, digits and hyphens."\n  }\n}`),
  fc.tuple(ident, ident).map(([n, m]) => `module "${n}" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 5.0"\n  azs     = slice(data.aws_availability_zones.available.names, 0, 3)\n  private_subnets = [for k, v in local.azs : cidrsubnet(local.vpc_cidr, 4, k)]\n  name    = "\${local.name}-${m}"\n}`),
  fc.tuple(ident).map(([n]) => `output "${n}_arn" {\n  value = aws_iam_role.${n}.arn\n}\n\ndata "aws_iam_policy_document" "${n}" {\n  statement {\n    actions   = ["s3:GetObject", "s3:ListBucket"]\n    resources = ["arn:aws:s3:::\${var.bucket}/*"]\n  }\n}`),
);
/** Terraform sources pushed to a plan service (Atlantis, Terraform Cloud style API) as JSON. */
export const terraformRun: fc.Arbitrary<object> = fc.tuple(fc.array(tfResource, { minLength: 1, maxLength: 3 }), ident, capitalised).map(([rs, ws, msg]) => ({ data: { type: "runs", attributes: { message: msg, "plan-only": true, "target-addrs": [], variables: [{ key: "prefix", value: `"${ws}"` }] }, relationships: { workspace: { data: { type: "workspaces", id: `ws-${ws}` } } } }, files: { "main.tf": rs.join("\n\n") } }));
// A chart or value named like an engine object (`{{ include "request.x" }}`) is the SSTI probe itself (as in config.ts).
const chartName = ident.filter((c) => !["request", "session", "config", "settings", "self"].includes(c));
const helmTpl = fc.tuple(chartName, chartName).map(([n, k]) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "${n}.fullname" . }}\n  labels:\n    {{- include "${n}.labels" . | nindent 4 }}\nspec:\n  {{- if not .Values.autoscaling.enabled }}\n  replicas: {{ .Values.replicaCount }}\n  {{- end }}\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n          env:\n            - name: ${k.toUpperCase()}\n              value: {{ .Values.${k} | quote }}\n          {{- with .Values.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}`);
const configMapScript = fc.tuple(ident, ident).map(([n, svc]) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${n}-scripts` }, data: {
  "nginx.conf": `server {\n  listen 8080;\n  location /api/ {\n    proxy_pass http://${svc}:8080/;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n  }\n  location / { try_files $uri $uri/ /index.html; }\n}`,
  "app.properties": `spring.datasource.url=jdbc:postgresql://${svc}:5432/${n}\nlogging.level.root=INFO\nmanagement.endpoints.web.exposure.include=health,info`,
} }));
/** Helm chart templates and ConfigMaps holding configuration files, as a GitOps API receives them. */
export const chartFiles: fc.Arbitrary<object> = fc.oneof(
  fc.tuple(helmTpl, chartName).map(([t, n]) => ({ chart: n, files: [{ name: "templates/deployment.yaml", content: t }] })),
  configMapScript,
);

// --- Elasticsearch / OpenSearch with painless scripts ------------------------------------------------------
const painless = fc.oneof(
  fc.tuple(ident).map(([f]) => `ctx._source.${f} += params.count`),
  fc.tuple(ident).map(([f]) => `if (ctx._source.${f} == null) { ctx._source.${f} = [] } ctx._source.${f}.add(params.tag)`),
  fc.tuple(ident).map(([f]) => `if (ctx._source.${f}.contains(params.tag)) { ctx.op = 'none' } else { ctx._source.${f}.add(params.tag) }`),
  fc.tuple(ident, ident).map(([a, b]) => `doc['${a}'].size() == 0 ? 0 : doc['${a}'].value * params.factor + doc['${b}'].value`),
  fc.tuple(ident).map(([f]) => `Math.log(2 + doc['${f}'].value)`),
  fc.tuple(ident).map(([f]) => `emit(doc['${f}'].value.getDayOfWeekEnum().getDisplayName(TextStyle.FULL, Locale.ROOT))`),
  fc.tuple(ident).map(([f]) => `ctx._source.remove('${f}')`),
  fc.constant(`ctx.op = 'delete'`),
  fc.tuple(ident).map(([f]) => `String s = doc['${f}.keyword'].value; return s.substring(0, s.indexOf('-'));`),
);
/** Update-by-query, script-score search and runtime fields. */
export const painlessBody: fc.Arbitrary<object> = fc.tuple(painless, ident, ident, small, phrase).map(([src, f, g, n, p]) => ({
  query: { bool: { must: [{ match: { [g]: p } }], filter: [{ range: { "@timestamp": { gte: "now-7d/d" } } }] } },
  script: { source: src, lang: "painless", params: { count: Number(n), tag: f, factor: 1.5 } },
  runtime_mappings: { [`${f}_day`]: { type: "keyword", script: { source: `emit(doc['@timestamp'].value.getDayOfWeekEnum().toString())` } } },
  highlight: { pre_tags: ["<em>"], post_tags: ["</em>"], fields: { [g]: {} } },
}));

// --- GraphQL with fragments and variables --------------------------------------------------------------------
/** Client documents as Apollo and Relay send them: named fragments, inline fragments, aliases, variables with defaults. */
export const graphqlFragments: fc.Arbitrary<object> = fc.tuple(pascal, pascal, camel, camel, small, fc.dictionary(camel, fc.oneof(phrase, small.map(Number), fc.boolean(), personName), { maxKeys: 3 }), fc.boolean())
  .map(([op, type, f, g, n, vars, persisted]) => ({
    operationName: op,
    query: `query ${op}($first: Int = ${n}, $after: String, $filter: ${type}Filter) {\n  viewer {\n    ...ViewerFields\n    ${f}Connection: ${f}s(first: $first, after: $after, filter: $filter) @connection(key: "${op}_${f}s") {\n      edges { cursor node { __typename ...${type}Card ... on Archived${type} { archivedAt reason } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}\n\nfragment ViewerFields on User { id login avatarUrl(size: 64) }\nfragment ${type}Card on ${type} { id ${g} createdAt author { ...on User { login } ...on Bot { slug } } }`,
    variables: { first: Number(n), after: null, filter: vars },
    ...(persisted ? { extensions: { persistedQuery: { version: 1, sha256Hash: "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38" } } } : {}),
  }));
/** A mutation with an input object. */
export const graphqlMutation: fc.Arbitrary<object> = fc.tuple(pascal, camel, personName, phrase, fc.array(noun, { maxLength: 3 }))
  .map(([type, f, n, body, tags]) => ({ query: `mutation Create${type}($input: Create${type}Input!) {\n  create${type}(input: $input) {\n    ${f} { id ...${type}Parts }\n    errors { field message }\n  }\n}\nfragment ${type}Parts on ${type} { id title tags }`, variables: { input: { title: `${n}'s ${body}`, body: `Notes on ${body}:\n\n> quoted\n\n- [x] done`, tags, clientMutationId: "1" } } }));

// --- CSV / TSV uploads -------------------------------------------------------------------------------------
const csvCell = fc.oneof(personName, phrase, decimal, date, timestamp, int, host.map((h) => `https://${h}/p?id=1&ref=csv`), ident.map((s) => `${s}@example.com`), pick(["-12.50", "(1,234.00)", "N/A", "", "TRUE", "#N/A", "50%", "1e-5", "+353 1 555 0100", "O'Reilly; Sons & Co.", "\"quoted\" text", "a, b and c", "Line one\nline two"]));
export const csvUpload: fc.Arbitrary<{ sep: string; text: string }> = fc.tuple(fc.array(fc.oneof(ident, capitalised), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), pick([",", ";", "\t"]), fc.array(csvCell, { minLength: 48, maxLength: 48 }))
  .map(([hdr, rows, sep, cells]) => {
    const cell = (c: string) => (sep === "\t" ? c.replace(/[\t\n]/g, " ") : /[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const lines = [hdr.map(cell).join(sep)];
    for (let r = 0; r < rows; r++) lines.push(hdr.map((_, i) => cell(cells[(r * hdr.length + i) % cells.length])).join(sep));
    return { sep, text: lines.join("\r\n") + "\r\n" };
  });

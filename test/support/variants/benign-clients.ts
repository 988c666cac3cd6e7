// Whole requests of real clients: the parts every request carries (headers, cookies, path, query
// string) as browsers, mobile apps, SDKs, service meshes and crawlers send them. One false positive
// here blocks a client on every request, so each family is a grammar over varied atoms.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { pick, seq } from "./positions.js";
import { camel, hex, host, ident, int, noun, small, uuid } from "../benign/words.js";

type H = [string, string];
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
const b64url = (s: string) => Buffer.from(s).toString("base64url");
const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
const hexN = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const digits = (n: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${n - 1}}$`));
const epoch = fc.integer({ min: 1600000000, max: 1900000000 });
const ver = fc.tuple(fc.nat(20), fc.nat(40), fc.nat(9)).map(([a, b, c]) => `${a}.${b}.${c}`);
const slug = fc.array(ident.map((s) => s.replace(/_/g, "-")), { minLength: 1, maxLength: 4 }).map((xs) => xs.join("-"));
const segment = fc.oneof(slug, int, uuid, hexN(24), alnum(6, 12));

// ---- user agents -------------------------------------------------------------------------------
const chromeV = fc.integer({ min: 100, max: 131 });
const desktopOs = pick([
  "Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7", "X11; Linux x86_64", "X11; CrOS x86_64 14541.0.0", "X11; Ubuntu; Linux x86_64; rv:128.0",
]);
const android = fc.tuple(fc.integer({ min: 8, max: 15 }), pick(["Pixel 7", "SM-G991B", "SM-A536B", "moto g(60)", "Redmi Note 9 Pro", "K", "CPH2211"])).map(([v, d]) => `Linux; Android ${v}; ${d}`);
const iosV = fc.tuple(fc.integer({ min: 14, max: 18 }), fc.nat(7)).map(([a, b]) => `${a}_${b}`);
export const browserAgent: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(desktopOs, chromeV).map(([os, v]) => `Mozilla/5.0 (${os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`),
  fc.tuple(desktopOs, chromeV).map(([os, v]) => `Mozilla/5.0 (${os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.${v * 17}.${v % 90}`),
  fc.integer({ min: 100, max: 133 }).map((v) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`),
  fc.tuple(iosV, fc.integer({ min: 14, max: 18 })).map(([o, v]) => `Mozilla/5.0 (iPhone; CPU iPhone OS ${o} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${v}.0 Mobile/15E148 Safari/604.1`),
  fc.tuple(android, chromeV).map(([a, v]) => `Mozilla/5.0 (${a}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36`),
  fc.tuple(android, chromeV).map(([a, v]) => `Mozilla/5.0 (${a}; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/${v}.0.0.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/4${v}.0.0.${v}.80;]`),
  fc.tuple(iosV, ver).map(([o, v]) => `Mozilla/5.0 (iPhone; CPU iPhone OS ${o} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram ${v} (iPhone14,5; iOS ${o}; en_US; en; scale=3.00; 1170x2532; 4${o.length}0)`),
  fc.tuple(desktopOs, chromeV).map(([os, v]) => `Mozilla/5.0 (${os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 OPR/${v - 14}.0.0.0`),
);
export const appAgent: fc.Arbitrary<string> = fc.oneof(
  ver.map((v) => `okhttp/${v}`),
  fc.tuple(fc.integer({ min: 8, max: 14 }), pick(["Pixel 6", "SM-S908E", "ONEPLUS A6013"]), pick(["TQ3A.230901.001", "SP1A.210812.016", "QKQ1.190716.003"])).map(([v, d, b]) => `Dalvik/2.1.0 (Linux; U; Android ${v}; ${d} Build/${b})`),
  fc.tuple(camel, int, ver).map(([a, b, v]) => `${a[0].toUpperCase()}${a.slice(1)}/${b} CFNetwork/1${v} Darwin/23.${b.length}.0`),
  fc.tuple(camel, ver, iosV).map(([a, v, o]) => `${a}/${v} (com.example.${a.toLowerCase()}; build:${v.replace(/\./g, "")}; iOS ${o.replace("_", ".")}) Alamofire/5.8.0`),
  fc.tuple(ver, ver).map(([a, b]) => `aws-sdk-go-v2/${a} os/linux lang/go#1.22.${b.length} md/GOOS#linux md/GOARCH#amd64 api/s3#${b}`),
  fc.tuple(ver, ver).map(([a, b]) => `aws-sdk-java/${a} Linux/5.10.${b.length} OpenJDK_64-Bit_Server_VM/17.0.9+9-LTS java/17.0.9 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/legacy`),
  fc.tuple(ver, ver).map(([a, b]) => `Boto3/${a} md/Botocore#${b} ua/2.0 os/linux#5.15.0 md/arch#x86_64 lang/python#3.11.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/${b}`),
  fc.tuple(ver, ver).map(([a, b]) => `aws-sdk-js/${a} ua/2.1 os/darwin#23.1.0 lang/js md/nodejs#20.${b.length}.0 api/dynamodb#${a} m/E,b`),
  fc.tuple(ver).map(([v]) => `google-api-go-client/0.5 gl-go/1.22.${v.length} gccl/${v}`),
  ver.map((v) => `Go-http-client/${v.startsWith("1") ? "2.0" : "1.1"}`), ver.map((v) => `python-requests/${v}`), ver.map((v) => `python-httpx/${v}`),
  ver.map((v) => `curl/${v}`), ver.map((v) => `Wget/${v} (linux-gnu)`), ver.map((v) => `PostmanRuntime/${v}`), ver.map((v) => `insomnia/${v}`),
  fc.nat(31).map((v) => `kube-probe/1.${v}`), ver.map((v) => `Prometheus/${v}`), ver.map((v) => `Blackbox Exporter/${v}`),
  ver.map((v) => `Envoy/HC`), ver.map((v) => `ELB-HealthChecker/2.0`), ver.map((v) => `GoogleHC/1.0`), ver.map((v) => `Consul Health Check`),
  ver.map((v) => `grpc-node-js/${v}`), ver.map((v) => `grpc-python/${v} grpc-c/38.0.0 (linux; chttp2)`),
  ver.map((v) => `Stripe/1.0 (+https://stripe.com/docs/webhooks)`), ver.map((v) => `GitHub-Hookshot/${v.replace(/\./g, "").slice(0, 7)}`),
  ver.map((v) => `Slackbot 1.0 (+https://api.slack.com/robots)`), ver.map((v) => `Apache-HttpClient/${v} (Java/21.0.1)`),
  ver.map((v) => `Ruby`), ver.map((v) => `Faraday v${v}`), ver.map((v) => `GuzzleHttp/7`), ver.map((v) => `Dart/3.${v.length} (dart:io)`),
  ver.map((v) => `ReactorNetty/${v}`), ver.map((v) => `Microsoft-CryptoAPI/10.0`), ver.map((v) => `Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)`),
);
export const crawlerAgent: fc.Arbitrary<string> = fc.oneof(
  chromeV.map((v) => `Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)`),
  fc.constant("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
  fc.constant("Googlebot-Image/1.0"), fc.constant("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
  fc.constant("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)"), fc.constant("DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)"),
  fc.constant("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)"), fc.constant("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
  fc.constant("Twitterbot/1.0"), fc.constant("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"),
  fc.constant("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"), fc.constant("Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)"),
  fc.constant("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)"), fc.constant("CCBot/2.0 (https://commoncrawl.org/faq/)"),
  fc.constant("Mozilla/5.0 (compatible; Applebot/0.1; +http://www.apple.com/go/applebot)"), fc.constant("WhatsApp/2.23.20.0 A"),
  fc.constant("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0"),
  fc.constant("Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"), fc.constant("Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)"),
  fc.constant("Mozilla/5.0 (compatible; DataForSeoBot/1.0; +https://dataforseo.com/dataforseo-bot)"), fc.constant("Screaming Frog SEO Spider/19.4"),
);

// ---- browser header sets -----------------------------------------------------------------------
const brand = pick(['"Not A(Brand";v="99"', '"Not/A)Brand";v="8"', '"Not_A Brand";v="24"', '"Not)A;Brand";v="99"', '"Not?A_Brand";v="8"', '" Not A;Brand";v="99"', '"Not.A/Brand";v="8"', '"Not=A?Brand";v="24"']);
const secChUa = fc.tuple(brand, chromeV, pick(["Google Chrome", "Microsoft Edge", "Brave", "Opera", "YaBrowser"])).map(([b, v, n]) => `${b}, "Chromium";v="${v}", "${n}";v="${v}"`);
const fullVersionList = fc.tuple(brand, chromeV).map(([b, v]) => `${b.replace(/v="(\d+)"/, 'v="$1.0.0.0"')}, "Chromium";v="${v}.0.6478.127", "Google Chrome";v="${v}.0.6478.127"`);
const acceptLanguage = fc.array(pick(["en-US", "en", "de-DE", "de", "fr-FR", "fr", "es-419", "pt-BR", "zh-CN", "zh-TW", "ja", "ko-KR", "nl", "sv-SE", "*"]), { minLength: 1, maxLength: 5 })
  .map((xs) => xs.map((l, i) => (i ? `${l};q=0.${9 - i}` : l)).join(","));
const navAccept = pick([
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
  "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
]);
const subAccept = pick(["*/*", "application/json, text/plain, */*", "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "text/css,*/*;q=0.1", "application/javascript, */*;q=0.8", "application/vnd.github+json", "application/json;charset=UTF-8", "text/event-stream"]);
const etag = fc.oneof(hexN(32).map((x) => `"${x}"`), fc.tuple(hexN(4), alnum(20, 27)).map(([a, b]) => `W/"${a}-${b}"`), fc.tuple(hexN(6), hexN(4)).map(([a, b]) => `W/"${a}-${b}"`), hexN(40).map((x) => `"${x}:gzip"`));
const httpDate = epoch.map((t) => new Date(t * 1000).toUTCString());

// ---- cookies -----------------------------------------------------------------------------------
const gaId = fc.tuple(digits(9), epoch).map(([a, t]) => `${a}.${t}`);
const consentTs = epoch.map((t) => new Date(t * 1000));
const oneTrust = fc.tuple(consentTs, uuid, pick(["C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1", "C0001%3A1%2CC0002%3A0%2CC0003%3A0%2CC0004%3A0%2CC0005%3A0", "1%3A1%2C2%3A0%2C3%3A1%2C4%3A0"]), pick(["DE%3BBE", "US%3BCA", "GB%3BENG", ""]))
  .map(([d, id, g, geo]) => `isGpcEnabled=0&datestamp=${encodeURIComponent(d.toString().replace(/ /g, "+")).replace(/%2B/g, "+")}&version=202409.1.0&browserGpcFlag=0&isIABGlobal=false&hosts=&consentId=${id}&interactionCount=1&isAnonUser=1&landingPath=NotLandingPage&groups=${g}&AwaitingReconsent=false${geo ? `&geolocation=${geo}` : ""}`);
const cookiebot = fc.tuple(bytes(30, 45), fc.boolean(), fc.boolean(), fc.boolean(), epoch, pick(["de", "gb", "us-06", "fr"]))
  .map(([s, p, st, m, t, r]) => `{stamp:%27${encodeURIComponent(b64(s))}%27%2Cnecessary:true%2Cpreferences:${p}%2Cstatistics:${st}%2Cmarketing:${m}%2Cmethod:%27explicit%27%2Cver:1%2Cutc:${t}000%2Cregion:%27${r}%27}`);
const jsonCookie = (o: fc.Arbitrary<object>) => o.map((x) => encodeURIComponent(JSON.stringify(x)));
const utmz = fc.tuple(digits(9), epoch, fc.oneof(
  fc.constant("utmcsr=(direct)|utmccn=(none)|utmcmd=(none)"),
  fc.constant("utmcsr=google|utmccn=(organic)|utmcmd=organic|utmctr=(not%20provided)"),
  fc.tuple(host, slug).map(([h, s]) => `utmcsr=${h}|utmccn=(referral)|utmcmd=referral|utmcct=/${s}/`),
  fc.tuple(slug, slug).map(([c, t]) => `utmcsr=newsletter|utmccn=${c}|utmcmd=email|utmctr=${t}`),
)).map(([d, t, v]) => `${d}.${t}.1.1.${v}`);
export const cookiePair: fc.Arbitrary<string> = fc.oneof(
  gaId.map((v) => `_ga=GA1.1.${v}`), gaId.map((v) => `_gid=GA1.2.${v}`), fc.tuple(alnum(10, 10), epoch).map(([k, t]) => `_ga_${k.toUpperCase()}=GS1.1.${t}.4.1.${t + 300}.0.0.0`),
  fc.tuple(alnum(10, 10), epoch).map(([k, t]) => `_ga_${k.toUpperCase()}=GS2.1.s${t}$o3$g1$t${t + 40}$j20$l0$h0`),
  gaId.map((v) => `_gcl_au=1.1.${v}`), fc.tuple(digits(9), epoch).map(([d, t]) => `__utma=${d}.${d.slice(3)}.${t}.${t}.${t}.1`), utmz.map((v) => `__utmz=${v}`),
  fc.tuple(epoch, digits(10)).map(([t, n]) => `_fbp=fb.1.${t}123.${n}`), fc.tuple(epoch, alnum(60, 90)).map(([t, s]) => `_fbc=fb.1.${t}456.IwAR${s}`),
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9_.]{43}$/), epoch, bytes(40, 60)).map(([a, t, b]) => `__cf_bm=${a}-${t}-1.0.1.1-${b64(b).replace(/=+$/, "").replace(/\+/g, ".").replace(/\//g, "_")}`),
  bytes(80, 140).map((b) => `AWSALB=${b64(b)}`), bytes(80, 140).map((b) => `AWSALBCORS=${b64(b)}`), bytes(20, 40).map((b) => `AWSELB=${Buffer.from(b).toString("hex").toUpperCase()}`),
  oneTrust.map((v) => `OptanonConsent=${v}`), consentTs.map((d) => `OptanonAlertBoxClosed=${d.toISOString()}`), cookiebot.map((v) => `CookieConsent=${v}`),
  fc.tuple(fc.oneof(uuid, ident, int), fc.boolean()).map(([v, q]) => `ajs_user_id=${q ? `"${v}"` : `%22${v}%22`}`), uuid.map((v) => `ajs_anonymous_id=%22${v}%22`),
  jsonCookie(fc.tuple(uuid, epoch).map(([d, t]) => ({ distinct_id: d, $device_id: d.slice(0, 13), $initial_referrer: "$direct", $initial_referring_domain: "$direct", __mps: {}, __mpso: {}, __mpus: {}, __mpa: {}, __mpu: {}, __mpr: [], __mpap: [], $user_id: t }))).map((v) => `mp_${"a1b2c3d4e5f6a7b8"}_mixpanel=${v}`),
  fc.tuple(uuid, epoch).map(([u, t]) => `_hjSessionUser_${t % 9999999}=${b64url(JSON.stringify({ id: u, created: t * 1000, existing: true }))}`),
  fc.tuple(alnum(6, 6), epoch).map(([a, t]) => `_clck=${a.toLowerCase()}%7C2%7Cfr${a[0]}%7C0%7C${t % 2000}`), fc.tuple(alnum(6, 6), epoch).map(([a, t]) => `_clsk=${a.toLowerCase()}%7C${t}000%7C1%7C1%7Cq.clarity.ms%2Fcollect`),
  hexN(32).map((v) => `hubspotutk=${v}`), fc.tuple(hexN(32), epoch).map(([v, t]) => `__hstc=${t % 999999}.${v}.${t}.${t}.${t}.2`), fc.tuple(epoch).map(([t]) => `__hssc=${t % 999999}.3.${t}000`),
  fc.tuple(uuid, epoch).map(([u, t]) => `_uetsid=${u.replace(/-/g, "")}`), hexN(32).map((v) => `MUID=${v.toUpperCase()}`),
  fc.tuple(hexN(32)).map(([v]) => `JSESSIONID=${v.toUpperCase()}.node${v.length % 3}`), alnum(26, 26).map((v) => `PHPSESSID=${v.toLowerCase()}`),
  fc.tuple(alnum(32, 32), bytes(20, 32)).map(([s, b]) => `connect.sid=s%3A${s}.${encodeURIComponent(b64(b).replace(/=+$/, ""))}`),
  bytes(30, 40).map((b) => `XSRF-TOKEN=${encodeURIComponent(b64(b))}`), alnum(32, 64).map((v) => `csrftoken=${v}`), alnum(32, 32).map((v) => `sessionid=${v.toLowerCase()}`),
  bytes(100, 200).map((b) => `laravel_session=${encodeURIComponent(b64(Buffer.from(JSON.stringify({ iv: b64(b.slice(0, 16)), value: b64(b.slice(16)), mac: Buffer.from(b.slice(0, 32)).toString("hex"), tag: "" }))))}`),
  fc.tuple(fc.stringMatching(/^[a-z]{4,8}$/), epoch, alnum(40, 43), hexN(64)).map(([u, t, k, s]) => `wordpress_logged_in_${s.slice(0, 32)}=${u}%7C${t}%7C${k}%7C${s}`),
  fc.constant("wp-settings-1=libraryContent%3Dbrowse%26editor%3Dtinymce%26posts_list_mode%3Dlist"), epoch.map((t) => `wp-settings-time-1=${t}`),
  fc.tuple(hexN(16), epoch).map(([v, t]) => `_pk_id.1.1fff=${v}.${t}.`), epoch.map((t) => `_dd_s=rum=0&expire=${t}000`), uuid.map((u) => `__stripe_mid=${u}`),
  fc.tuple(epoch, fc.integer({ min: 0, max: 999999 })).map(([t, r]) => `optimizelyEndUserId=oeu${t}000r0.${r}`), fc.constant('g_state={"i_l":0}'), fc.constant('g_state={"i_p":1700000000000,"i_l":1}'),
  gaId.map((v) => `_octo=GH1.1.${v}`), bytes(100, 300).map((b) => `__Secure-next-auth.session-token=${b64url(b.toString())}.${b64url("x")}`),
  pick(["locale=en-US", "lang=de", "theme=dark", "tz=Europe%2FBerlin", "tz=America/New_York", "currency=EUR", "cookie_consent=true", "sidebar_collapsed=false", "_shopify_y=d8d6e7a1-4d0c-4d1b-9f2e-2b3a9c8d7e6f", "cart_currency=USD", "dismissed_banner=2024-11", "timezone=Asia%2FTokyo", "preferred_color_mode=light", "tz_offset=-120"]),
  fc.tuple(ident, fc.oneof(int, uuid, hexN(16), alnum(8, 40))).map(([k, v]) => `${k}=${v}`),
  // bot managers and CDNs (Akamai, Imperva, DataDome, Cloudflare)
  fc.tuple(hexN(32), bytes(60, 120)).map(([h, b]) => `_abck=${h.toUpperCase()}~-1~${b64(b).replace(/=+$/, "")}~-1~-1~-1`),
  fc.tuple(hexN(32), bytes(40, 80)).map(([h, b]) => `bm_sz=${h.toUpperCase()}~${b64(b)}~${h.length}~${h.slice(0, 8)}`),
  bytes(80, 160).map((b) => `ak_bmsc=${b64(b)}`), fc.tuple(digits(7), digits(6), bytes(30, 40)).map(([a, b, c]) => `incap_ses_${a.slice(0, 3)}_${b}=${b64(c)}`),
  fc.tuple(digits(6), bytes(40, 48)).map(([a, b]) => `visid_incap_${a}=${b64(b)}`), fc.stringMatching(/^[A-Za-z0-9_~]{80,128}$/).map((v) => `datadome=${v}`),
  fc.tuple(alnum(40, 43), epoch).map(([a, t]) => `cf_clearance=${a}-${t}-1.2.1.1-${a.split("").reverse().join("")}`),
  // ad networks and social sites
  fc.tuple(hexN(16), epoch, alnum(30, 40)).map(([h, t, s]) => `__gads=ID=${h}:T=${t}:RT=${t + 60}:S=ALNI_${s}`), fc.tuple(epoch).map(([t]) => `1P_JAR=${new Date(t * 1000).toISOString().slice(0, 13).replace("T", "-")}`),
  fc.tuple(alnum(100, 160)).map(([v]) => `NID=511=${v}`), fc.tuple(alnum(20, 30)).map(([v]) => `IDE=AHWqTUm${v}`),
  fc.tuple(uuid, epoch).map(([u, t]) => `bcookie="v=2&${u}"`), fc.tuple(alnum(4, 4), epoch, hexN(4)).map(([a, t, h]) => `lidc="b=VB${t % 100}:s=V:r=V:a=V:p=V:g=${t % 5000}:u=1:x=1:i=${t}:t=${t + 86400}:v=2:sig=AQH${a}${h}"`),
  bytes(12, 18).map((b) => `personalization_id="v1_${b64(b)}"`), epoch.map((t) => `guest_id=v1%3A${t}123456789`),
  // analytics suites (Adobe, Tealium, Pinterest, TikTok)
  fc.tuple(digits(8), digits(19), epoch).map(([a, b, t]) => `AMCV_${a.slice(0, 8)}%40AdobeOrg=-1124106680%7CMCIDTS%7C${t % 20000}%7CMCMID%7C${b}%7CMCAAMLH-${t}%7C6%7CMCAAMB-${t}%7CRKhpRz8krg2tLO6pguXWp5olkAcUniQYPHaMWWgdJ3xzPWQmdj0y%7CMCOPTOUT-${t}s%7CNONE%7CvVersion%7C5.5.0`),
  fc.constant("s_cc=true"), fc.constant("s_sq=%5B%5BB%5D%5D"), fc.tuple(slug).map(([p]) => `s_ppv=${p}%2C42%2C42%2C1080%2C1%2C1`),
  fc.tuple(hexN(32), epoch).map(([id, t]) => `utag_main=v_id:${id}$_sn:3$_se:1$_ss:1$_st:${t}000$vapi_domain:example.com$ses_id:${t}000%3Bexp-session$_pn:1%3Bexp-session`),
  bytes(40, 80).map((b) => `_pin_unauth=${b64(Buffer.from(JSON.stringify({ ut: b64(b) })))}`), fc.tuple(alnum(27, 27)).map(([v]) => `_ttp=${v}`),
  fc.tuple(uuid, epoch).map(([u, t]) => `_shopify_s=${u}; cart_sig=${u.replace(/-/g, "")}; secure_customer_sig=; _orig_referrer=https%3A%2F%2Fwww.google.com%2F; _landing_page=%2Fproducts%2Fwidget%3Fvariant%3D${t}`),
  fc.tuple(alnum(20, 24), epoch).map(([v, t]) => `__Host-GAPS=1:${v}:${t}`), fc.tuple(epoch, bytes(120, 200)).map(([t, b]) => `eupubconsent-v2=CQ${Buffer.from(b).toString("base64url")}.YAAAAAAAAAAA; OptanonAlertBoxClosed=${new Date(t * 1000).toISOString()}`),
  fc.tuple(pick(["ab_test", "exp", "variant", "split"]), ident).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify({ [v]: "b", version: 2 }))}`),
);
export const cookieHeader = fc.array(cookiePair, { minLength: 1, maxLength: 12 }).map((xs) => xs.join("; "));

// ---- query strings and paths -------------------------------------------------------------------
const tracking = fc.oneof(
  fc.tuple(pick(["google", "facebook", "newsletter", "twitter", "linkedin", "bing", "tiktok", "instagram", "reddit"]), pick(["cpc", "email", "social", "organic", "paid_social", "display", "affiliate"]), slug, slug)
    .map(([s, m, c, t]) => `utm_source=${s}&utm_medium=${m}&utm_campaign=${c}&utm_content=${t}`),
  fc.tuple(pick(["spring sale", "black-friday 2024", "Q4 | retargeting", "brand [exact]", "summer_promo (EU)"]), slug).map(([c, t]) => `utm_source=google&utm_medium=cpc&utm_campaign=${encodeURIComponent(c)}&utm_term=${encodeURIComponent(t.replace(/-/g, " "))}`),
  // click ids are base64url of random bytes (fast-check's string patterns favour `-` and `_` runs no tracker writes)
  bytes(45, 75).map((b) => `gclid=Cj0KCQiA${Buffer.from(b).toString("base64url")}`), bytes(40, 70).map((b) => `fbclid=IwAR${Buffer.from(b).toString("base64url")}`),
  hexN(32).map((v) => `msclkid=${v}`), bytes(45, 60).map((b) => `_hsenc=p2ANqtz-${Buffer.from(b).toString("base64url")}&_hsmi=${b.length * 3117}`),
  fc.tuple(digits(8), digits(10)).map(([a, b]) => `mc_cid=${a}&mc_eid=${b}`), bytes(15, 30).map((b) => `ttclid=${Buffer.from(b).toString("base64url")}`),
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{20}$/), epoch).map(([v, t]) => `_gl=1*${v.toLowerCase()}*_ga*${b64(Buffer.from(String(t))).replace(/=+$/, "")}*_ga_ABC123*MTcwMDAwMDAwMC4xLjEuMTcwMDAwMDEwMC4wLjAuMA..`),
  fc.tuple(alnum(10, 20)).map(([v]) => `ref=${v}&ref_src=twsrc%5Egoogle%7Ctwcamp%5Eserp%7Ctwgr%5Eauthor`),
  fc.constant("srsltid=AfmBOoq3-vA8W7kX2u5Zc"), fc.tuple(digits(6)).map(([v]) => `yclid=${v}${v}`), fc.constant("igshid=MzRlODBiNWFlZA=="),
);
const appQuery = fc.oneof(
  fc.tuple(small, small).map(([p, n]) => `page=${p}&per_page=${n}`), fc.tuple(ident, pick(["asc", "desc"])).map(([f, o]) => `sort=${f}&order=${o}`),
  fc.tuple(ident, ident).map(([a, b]) => `fields=${a},${b}&include=${b}`), fc.tuple(int).map(([n]) => `limit=${n}&offset=${n}`),
  fc.tuple(alnum(20, 40)).map(([c]) => `cursor=${encodeURIComponent(b64(Buffer.from(c)))}`), fc.tuple(pick(["en", "de", "fr-CA"])).map(([l]) => `lang=${l}&hl=${l}`),
  fc.tuple(epoch).map(([t]) => `_=${t}123`), fc.tuple(epoch).map(([t]) => `since=${new Date(t * 1000).toISOString()}`), fc.tuple(ident).map(([t]) => `filter[status]=${t}&filter[type]=${t}`),
  fc.constant("v=2&format=json&callback="), fc.tuple(ident).map(([i]) => `expand[]=${i}&expand[]=customer`), fc.tuple(hexN(8)).map(([v]) => `v=${v}`),
  fc.tuple(int, int).map(([w, q]) => `w=${Number(w) % 2000}&q=${Number(q) % 100}&fm=webp&fit=crop&auto=format`), fc.constant("watch=true&resourceVersion=12345&timeoutSeconds=300&allowWatchBookmarks=true"),
  fc.tuple(slug).map(([s]) => `redirect_uri=${encodeURIComponent(`https://app.example.com/${s}/callback`)}&response_type=code&scope=openid%20profile%20email&state=${s}`),
  fc.tuple(alnum(30, 60)).map(([c]) => `code=${c}&state=${c.slice(0, 12)}&session_state=${c.slice(3, 20)}`),
  fc.tuple(host, slug).map(([h, s]) => `return_to=${encodeURIComponent(`https://${h}/${s}?tab=settings`)}`), fc.tuple(slug).map(([s]) => `next=%2F${s}%2Fsettings`),
);
const s3Presigned = fc.tuple(alnum(16, 16), fc.integer({ min: 20230101, max: 20261231 }), pick(["us-east-1", "eu-west-1", "ap-southeast-2"]), hexN(64), small, bytes(200, 400))
  .map(([k, d, r, sig, e, tok]) => `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA${k.toUpperCase()}%2F${d}%2F${r}%2Fs3%2Faws4_request&X-Amz-Date=${d}T101520Z&X-Amz-Expires=${Number(e) * 60}&X-Amz-Security-Token=${encodeURIComponent(b64(tok))}&X-Amz-SignedHeaders=host&x-id=GetObject&X-Amz-Signature=${sig}`);
const gcsSigned = fc.tuple(ident, fc.integer({ min: 20230101, max: 20261231 }), hexN(64)).map(([sa, d, sig]) => `X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=${sa}%40proj.iam.gserviceaccount.com%2F${d}%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=${d}T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=${sig}${sig}`);
const azureSas = fc.tuple(fc.integer({ min: 2023, max: 2026 }), bytes(32, 32)).map(([y, s]) => `sv=2022-11-02&ss=b&srt=sco&sp=rwdlacupiytfx&se=${y}-12-31T23:59:59Z&st=${y}-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(b64(s))}`);
const cloudfrontSigned = fc.tuple(epoch, bytes(128, 128), alnum(14, 14)).map(([t, s, k]) => `Expires=${t}&Signature=${b64(s).replace(/\+/g, "-").replace(/=/g, "_").replace(/\//g, "~")}&Key-Pair-Id=K${k.toUpperCase()}`);

export const restPath: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(["api", "api/v1", "api/v2", "v1", "rest/v3"]), noun, segment, fc.option(noun)).map(([p, r, id, s]) => `/${p}/${r}s/${id}${s ? `/${s}s` : ""}`),
  fc.tuple(ident, ident).map(([o, r]) => `/repos/${o}%2F${r}/issues`), fc.tuple(ident, ident).map(([o, r]) => `/api/v4/projects/${o}%2F${r}/repository/files/src%2Fmain.go/raw`),
  fc.tuple(ident, ident, fc.nat(5), fc.nat(20), fc.nat(20)).map(([o, r, a, b, c]) => `/${o}/${r}/compare/v${a}.${b}.${c}..v${a}.${b + 1}.0`),
  fc.tuple(ident, ident, hexN(7), hexN(7)).map(([o, r, a, b]) => `/${o}/${r}/compare/${a}...${b}`), fc.tuple(ident, hexN(40)).map(([r, c]) => `/${r}/commit/${c}.patch`),
  fc.tuple(ident, ident).map(([u, f]) => `/~${u}/${f}.html`), fc.tuple(pick(["en", "en-us", "de-DE", "fr", "pt-br", "zh-hans", "ja-JP"]), slug).map(([l, s]) => `/${l}/${s}`),
  fc.tuple(slug, pick(["pdf", "zip", "tar.gz", "csv", "xlsx", "docx", "dmg", "exe", "msi", "apk", "deb", "rpm", "iso", "mp4", "jpg", "webp", "svg", "json", "xml", "txt", "epub", "parquet"])).map(([s, e]) => `/downloads/${s}.${e}`),
  fc.tuple(ident, ver).map(([n, v]) => `/releases/download/v${v}/${n}-${v}-linux-amd64.tar.gz`), fc.tuple(ident, ver).map(([n, v]) => `/npm/${n}@${v}/dist/${n}.min.js`),
  fc.tuple(ident, ver).map(([n, v]) => `/@${n}/${n}-utils/-/${n}-utils-${v}.tgz`), fc.tuple(ident, ident, ver).map(([g, a, v]) => `/maven2/com/${g}/${a}/${v}/${a}-${v}.pom`),
  fc.tuple(ident, hexN(8)).map(([n, x]) => `/static/js/${n}.${x}.chunk.js`), fc.tuple(hexN(20)).map(([x]) => `/_next/static/chunks/pages/_app-${x}.js`),
  fc.tuple(slug, int).map(([s, n]) => `/blog/2024/11/${s}`), fc.tuple(slug, int).map(([s, n]) => `/products/${s}/p/${n}`),
  fc.tuple(slug).map(([s]) => `/wiki/${s.replace(/-/g, "_")}_(disambiguation)`), fc.tuple(ident).map(([s]) => `/wiki/Special:Search/${s}`),
  fc.tuple(int, hexN(16)).map(([n, x]) => `/images/${x}/w_${Number(n) % 2000},h_600,c_fill,q_auto,f_auto/${x}.jpg`), fc.tuple(uuid).map(([u]) => `/files/${u}/content`),
  fc.tuple(ident).map(([n]) => `/.well-known/openid-configuration`), fc.constant("/.well-known/jwks.json"), fc.constant("/.well-known/apple-app-site-association"),
  fc.constant("/robots.txt"), fc.constant("/sitemap.xml"), fc.constant("/favicon.ico"), fc.constant("/healthz"), fc.constant("/readyz"), fc.constant("/metrics"), fc.constant("/actuator/health"),
  fc.tuple(ident, ident).map(([ns, n]) => `/apis/apps/v1/namespaces/${ns.replace(/_/g, "-")}/deployments/${n.replace(/_/g, "-")}/status`),
  fc.tuple(ident, ident).map(([b, k]) => `/${b.replace(/_/g, "-")}/${k}/2024-11-29/part-00000.snappy.parquet`), fc.tuple(ident, ident).map(([a, b]) => `/${a}.${b}.v1.${a[0].toUpperCase()}${a.slice(1)}Service/Get${b[0].toUpperCase()}${b.slice(1)}`),
  fc.tuple(ident, int).map(([n, i]) => `/users/${n}@example.com/settings`), fc.tuple(ident).map(([n]) => `/search/${encodeURIComponent(n + " & more")}`),
  fc.tuple(ident).map(([n]) => `/dav/files/${n}/Documents/Report%20Q3%20(final).docx`), fc.tuple(ident).map(([n]) => `/shares/${n}/My%20Photos/IMG_2041.HEIC`),
);

// ---- request families --------------------------------------------------------------------------
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const withQuery = (p: fc.Arbitrary<string>, q: fc.Arbitrary<string>) => fc.tuple(p, fc.array(q, { maxLength: 3 })).map(([a, qs]) => (qs.length ? `${a}?${qs.join("&")}` : a));
const clean = (hs: (H | undefined | false)[]): H[] => hs.filter((x): x is H => !!x);

const site = host.map((h) => h.replace("svc.cluster.local", "example.com"));
const chromeHints = fc.tuple(secChUa, fc.boolean(), pick(['"Windows"', '"macOS"', '"Linux"', '"Android"', '"Chrome OS"']), fullVersionList, pick(['"15.0.0"', '"14.6.1"', '"6.8.0"', '""']), pick(['"x86"', '"arm"', '""']), pick(['"Pixel 7"', '""', '"SM-G991B"']), pick(['"64"', '""']))
  .map(([ua, m, p, fv, pv, ar, mo, bi]): H[] => [["sec-ch-ua", ua], ["sec-ch-ua-mobile", m ? "?1" : "?0"], ["sec-ch-ua-platform", p], ...(m ? [] : [["sec-ch-ua-full-version-list", fv], ["sec-ch-ua-platform-version", pv], ["sec-ch-ua-arch", ar], ["sec-ch-ua-bitness", bi], ["sec-ch-ua-model", mo], ["sec-ch-ua-wow64", "?0"]] as H[])]);

export const browserNavigation: fc.Arbitrary<Req> = fc.tuple(site, withQuery(restPath, fc.oneof(tracking, appQuery)), browserAgent, chromeHints, acceptLanguage, navAccept, maybe(cookieHeader), maybe(fc.tuple(site, restPath, tracking)), fc.boolean(), maybe(etag), maybe(httpDate))
  .map(([h, p, ua, hints, al, acc, ck, ref, cross, et, ims]) => ({
    method: "GET", path: p,
    headers: clean([
      ["host", h], ...hints, ["upgrade-insecure-requests", "1"], ["user-agent", ua], ["accept", acc],
      ["sec-fetch-site", ref ? (cross ? "cross-site" : "same-origin") : "none"], ["sec-fetch-mode", "navigate"], ["sec-fetch-user", "?1"], ["sec-fetch-dest", "document"],
      ref && ["referer", `https://${ref[0]}${ref[1]}?${ref[2]}`], ["accept-encoding", "gzip, deflate, br, zstd"], ["accept-language", al], ck !== undefined && ["cookie", ck],
      ["priority", "u=0, i"], et !== undefined && ["if-none-match", et], ims !== undefined && ["if-modified-since", ims], ["dnt", "1"], ["sec-gpc", "1"],
    ]),
  }));

export const browserFetch: fc.Arbitrary<Req> = fc.tuple(site, withQuery(restPath, appQuery), browserAgent, secChUa, subAccept, cookieHeader, pick(["empty", "image", "script", "style", "font"]), fc.option(etag), uuid, bytes(30, 40), fc.oneof(fc.constant(""), seq("u=", pick(["1", "2", "3", "4"]), pick(["", ", i"]))))
  .map(([h, p, ua, hint, acc, ck, dest, et, rid, csrf, prio]) => ({
    method: "GET", path: p,
    headers: clean([
      ["host", h], ["sec-ch-ua-platform", '"macOS"'], ["user-agent", ua], ["accept", acc], ["sec-ch-ua", hint], ["sec-ch-ua-mobile", "?0"], ["x-requested-with", "XMLHttpRequest"],
      ["x-csrf-token", b64(csrf)], ["x-request-id", rid], ["sec-fetch-site", "same-origin"], ["sec-fetch-mode", dest === "empty" ? "cors" : "no-cors"], ["sec-fetch-dest", dest],
      ["referer", `https://${h}/dashboard/settings?tab=billing#invoices`], ["accept-encoding", "gzip, deflate, br, zstd"], ["accept-language", "en-GB,en-US;q=0.9,en;q=0.8"],
      ["cookie", ck], prio !== "" && ["priority", prio], et !== null && ["if-none-match", et], ["cache-control", "no-cache"], ["pragma", "no-cache"],
    ]),
  }));

export const corsPreflight: fc.Arbitrary<Req> = fc.tuple(site, site, restPath, pick(["PUT", "POST", "DELETE", "PATCH"]), fc.array(pick(["authorization", "content-type", "x-csrf-token", "x-request-id", "traceparent", "x-api-key", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token", "x-amz-user-agent", "sentry-trace", "baggage", "apollo-require-preflight", "x-client-version"]), { minLength: 1, maxLength: 6 }), browserAgent)
  .map(([h, o, p, m, hs, ua]) => ({
    method: "OPTIONS", path: p,
    headers: [["host", h], ["accept", "*/*"], ["access-control-request-method", m], ["access-control-request-headers", [...new Set(hs)].join(",")], ["origin", `https://${o}`], ["user-agent", ua], ["sec-fetch-mode", "cors"], ["sec-fetch-site", "cross-site"], ["sec-fetch-dest", "empty"], ["referer", `https://${o}/`], ["accept-language", "en-US,en;q=0.9"]],
  }));

export const mediaRange: fc.Arbitrary<Req> = fc.tuple(site, slug, pick(["mp4", "webm", "m4s", "mp3", "m4a", "ts", "pdf", "mkv"]), fc.nat(50_000_000), fc.option(fc.nat(2_000_000)), browserAgent, etag, httpDate, fc.boolean())
  .map(([h, s, e, a, len, ua, et, d, multi]) => ({
    method: "GET", path: `/media/${s}/${s}_1080p.${e}`,
    headers: clean([
      ["host", h], ["user-agent", ua], ["accept", e === "pdf" ? "*/*" : "video/webm,video/ogg,video/*;q=0.9,application/ogg;q=0.7,audio/*;q=0.6,*/*;q=0.5"],
      ["range", multi ? `bytes=0-1023, ${a}-${a + 1023}, -500` : len === null ? `bytes=${a}-` : `bytes=${a}-${a + len}`], ["if-range", a % 2 ? et : d],
      ["accept-encoding", "identity;q=1, *;q=0"], ["sec-fetch-dest", e === "pdf" ? "empty" : "video"], ["sec-fetch-mode", "no-cors"], ["sec-fetch-site", "same-site"], ["referer", `https://${h}/watch?v=${s}&t=42s`],
    ]),
  }));

const spiffe = fc.tuple(ident, ident).map(([n, sa]) => `spiffe://cluster.local/ns/${n.replace(/_/g, "-")}/sa/${sa.replace(/_/g, "-")}`);
const baggageValue = fc.oneof(ident, int, uuid, fc.tuple(ident, ident).map(([a, b]) => encodeURIComponent(`${a} ${b}`)), host.map((h) => encodeURIComponent(`https://${h}/a?b=c`)), fc.constant("%22quoted%22"), fc.constant("a%2Cb%3Bc"));
export const meshHeaders: fc.Arbitrary<H[]> = fc.tuple(hexN(32), hexN(16), hexN(16), fc.array(fc.tuple(pick(["rojo", "congo", "dd", "ot", "sw8", "es"]), alnum(8, 16)), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(camel, baggageValue), { minLength: 1, maxLength: 4 }), spiffe, spiffe, hexN(64), ident, epoch, uuid, small)
  .map(([t, s, p, ts, bag, by, uri, hash, cn, ep, rid, n]) => [
    ["traceparent", `00-${t}-${s}-01`], ["tracestate", ts.map(([k, v]) => (k === "dd" ? `dd=s:1;o:rum;p:${s};t.dm:-0` : k === "ot" ? `ot=th:8;rv:${s.slice(0, 14)}` : `${k}=${v}`)).join(",")],
    ["baggage", bag.map(([k, v], i) => `${k}=${v}${i === 1 ? ";metadata" : ""}`).join(",")], ["b3", `${t}-${s}-1-${p}`], ["x-b3-traceid", t], ["x-b3-spanid", s], ["x-b3-parentspanid", p], ["x-b3-sampled", "1"],
    ["x-forwarded-client-cert", `By=${by};Hash=${hash};Subject="CN=${cn},OU=platform,O=Example\\, Inc.,L=Berlin,C=DE";URI=${uri};DNS=${cn}.svc.cluster.local`],
    ["x-envoy-attempt-count", "1"], ["x-envoy-expected-rq-timeout-ms", `${n}000`], ["x-envoy-external-address", `203.0.113.${n}`], ["x-envoy-original-path", `/api/v1/${cn}?page=${n}`],
    ["x-envoy-internal", "true"], ["x-envoy-decorator-operation", `${cn}.default.svc.cluster.local:8080/*`], ["x-request-id", rid],
    ["x-amzn-trace-id", `Root=1-${ep.toString(16)}-${t.slice(0, 24)};Parent=${s};Sampled=1;Lineage=a87bd80c:1|68fd508a:5`], ["x-cloud-trace-context", `${t}/${BigInt("0x" + s).toString()};o=1`],
    ["sentry-trace", `${t}-${s}-1`], ["x-datadog-trace-id", BigInt("0x" + s).toString()], ["x-datadog-origin", "rum"], ["x-datadog-tags", `_dd.p.dm=-0,_dd.p.tid=${s}`],
    ["uber-trace-id", `${s}:${p}:0:1`], ["grpc-trace-bin", b64(Buffer.from(t + s, "hex"))], ["x-ot-span-context", `${s};${p};${t.slice(0, 16)}`], ["x-forwarded-proto", "https"],
    ["x-forwarded-for", `198.51.100.${n}, 10.0.${n}.4`], ["forwarded", `for=192.0.2.${n};proto=https;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"`], ["x-real-ip", `198.51.100.${n}`],
    ["via", `1.1 vegur, 1.1 ${s.slice(0, 12)}.cloudfront.net (CloudFront)`], ["x-amz-cf-id", `${b64(Buffer.from(t, "hex")).replace(/[+/=]/g, "_")}==`], ["cdn-loop", "cloudflare; loops=1"],
    ["cf-ray", `${s}-FRA`], ["cf-connecting-ip", `2001:db8::${n}`], ["cf-ipcountry", "DE"], ["cf-visitor", '{"scheme":"https"}'], ["true-client-ip", `198.51.100.${n}`],
    ["x-envoy-peer-metadata-id", `sidecar~10.4.${n}.7~${cn}-6b9c7d5f4-x2k9p.default~default.svc.cluster.local`],
  ]);

/** Passwords and API secrets as clients hold them: generated keys, app passwords, typed passwords with a symbol or two. */
const password = fc.oneof(
  alnum(12, 40), fc.stringMatching(/^[A-Za-z0-9_-]{20,43}$/), fc.array(alnum(5, 5), { minLength: 5, maxLength: 5 }).map((xs) => xs.join("-")),
  fc.tuple(camel, fc.integer({ min: 1, max: 2030 }), pick(["!", "@", "#", "$", "%", "&", "*", "?", ".", "-", "_", "!!", "#1", "@@"])).map(([w, n, p]) => `${w[0].toUpperCase()}${w.slice(1)}${n}${p}`),
  fc.tuple(alnum(4, 8), pick(["@", "#", "$", "%", "^", "&", "*", "!", "+", "="]), alnum(4, 8), pick(["!", "#", "?", "~", "."]), alnum(2, 6)).map((xs) => xs.join("")),
);
const awsDate = fc.integer({ min: 20230101, max: 20261231 }).map(String);
const sigv4 = fc.tuple(alnum(16, 16), awsDate, pick(["us-east-1", "eu-central-1"]), pick(["s3", "execute-api", "dynamodb", "sqs", "es", "lambda", "sts"]), hexN(64), fc.subarray(["content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token", "x-amz-target", "x-amz-user-agent"], { minLength: 2 }))
  .map(([k, d, r, s, sig, sh]) => `AWS4-HMAC-SHA256 Credential=AKIA${k.toUpperCase()}/${d}/${r}/${s}/aws4_request, SignedHeaders=${sh.join(";")}, Signature=${sig}`);
const jwt = fc.tuple(pick(["RS256", "ES256", "HS256", "PS256", "EdDSA"]), uuid, host, fc.array(pick(["read:orders", "write:orders", "openid", "profile", "email", "offline_access", "admin"]), { maxLength: 4 }), bytes(32, 256), epoch)
  .map(([alg, sub, iss, sc, sig, t]) => `${b64url(JSON.stringify({ alg, typ: "JWT", kid: sub.slice(0, 8) }))}.${b64url(JSON.stringify({ sub, iss: `https://${iss}/`, aud: ["api", `https://${iss}/userinfo`], scope: sc.join(" "), iat: t, exp: t + 3600, azp: sub.slice(0, 8), "https://example.com/roles": ["user"], email: `${sub.slice(0, 6)}@example.com`, name: "Ann O'Neil" }))}.${Buffer.from(sig).toString("base64url")}`);
export const authHeaders: fc.Arbitrary<H[]> = fc.oneof(
  jwt.map((t): H[] => [["authorization", `Bearer ${t}`]]),
  fc.tuple(fc.oneof(ident, uuid, alnum(16, 24)), password).map(([u, p]): H[] => [["authorization", `Basic ${b64(Buffer.from(`${u}:${p}`))}`]]),
  fc.tuple(sigv4, awsDate, hexN(64), bytes(200, 500)).map(([a, d, h, tok]): H[] => [["authorization", a], ["x-amz-date", `${d}T093012Z`], ["x-amz-content-sha256", tok.length % 2 ? h : "UNSIGNED-PAYLOAD"], ["x-amz-security-token", b64(tok)], ["amz-sdk-invocation-id", h.slice(0, 36)], ["amz-sdk-request", "attempt=1; max=3"]]),
  fc.tuple(alnum(30, 50)).map(([t]): H[] => [["authorization", `token ghp_${t}`]]), fc.tuple(alnum(30, 50)).map(([t]): H[] => [["authorization", `Bearer sk_live_${t}`]]),
  fc.tuple(alnum(20, 40), alnum(20, 40)).map(([a, b]): H[] => [["x-api-key", a], ["x-client-id", b]]),
  fc.tuple(hexN(64), epoch).map(([s, t]): H[] => [["stripe-signature", `t=${t},v1=${s},v0=${s.split("").reverse().join("")}`]]),
  hexN(64).map((s): H[] => [["x-hub-signature-256", `sha256=${s}`], ["x-hub-signature", `sha1=${s.slice(0, 40)}`], ["x-github-event", "pull_request"], ["x-github-delivery", `${s.slice(0, 8)}-${s.slice(8, 12)}-11ee-${s.slice(12, 16)}-${s.slice(16, 28)}`]]),
  fc.tuple(hexN(64), epoch).map(([s, t]): H[] => [["x-slack-signature", `v0=${s}`], ["x-slack-request-timestamp", String(t)]]),
  fc.tuple(bytes(32, 32), uuid).map(([s, id]): H[] => [["x-shopify-hmac-sha256", b64(s)], ["x-shopify-topic", "orders/create"], ["x-shopify-shop-domain", "acme.myshopify.com"], ["x-shopify-webhook-id", id]]),
  fc.tuple(bytes(32, 32), epoch, uuid).map(([s, t, id]): H[] => [["webhook-id", `msg_${id.replace(/-/g, "")}`], ["webhook-timestamp", String(t)], ["webhook-signature", `v1,${b64(s)} v1,${b64(s.slice().reverse())}`]]),
  fc.tuple(alnum(20, 20), bytes(20, 20), epoch).map(([k, s, t]): H[] => [["authorization", `OAuth oauth_consumer_key="${k}", oauth_nonce="${k.toLowerCase()}", oauth_signature="${encodeURIComponent(b64(s))}", oauth_signature_method="HMAC-SHA1", oauth_timestamp="${t}", oauth_version="1.0"`]]),
  fc.tuple(ident, hexN(32), hexN(32)).map(([u, n, r]): H[] => [["authorization", `Digest username="${u}", realm="api@example.com", nonce="${n}", uri="/dir/index.html?a=1", qop=auth, nc=00000001, cnonce="${r.slice(0, 8)}", response="${r}", opaque="${n}"`]]),
  fc.tuple(bytes(40, 120)).map(([t]): H[] => [["authorization", `Negotiate YII${b64(t)}`]]),
  fc.tuple(jwt).map(([t]): H[] => [["cookie", `__Host-session=${t}; __Secure-refresh=${t.split(".")[2]}`]]),
  fc.tuple(alnum(20, 40), epoch).map(([k, t]): H[] => [["x-goog-api-key", `AIza${k}`], ["x-goog-api-client", `gl-node/20.11.0 gccl/${t % 10}.2.0 gax/4.0.5 grpc/1.9.14`]]),
  fc.tuple(jwt, uuid).map(([t, u]): H[] => [["dpop", t], ["authorization", `DPoP ${t}`]]),
);

export const appRequest: fc.Arbitrary<Req> = fc.tuple(site, withQuery(restPath, appQuery), fc.oneof(appAgent, appAgent, browserAgent), authHeaders, fc.option(etag), pick(["application/json", "application/json; charset=utf-8", "application/vnd.api+json", "application/grpc-web+proto", "application/x-protobuf", "*/*", "application/json, text/plain, */*"]), uuid, fc.constantFrom("en-US", "de-DE;q=1.0, en-DE;q=0.9", "fr-FR", "ja-JP,ja;q=0.9"), ver, fc.option(fc.tuple(hexN(64), pick(["ios", "android"]), ver)))
  .map(([h, p, ua, auth, et, acc, did, al, v, dev]) => ({
    method: "GET", path: p,
    headers: clean([
      ["host", h], ["user-agent", ua], ["accept", acc], ["accept-language", al], ["accept-encoding", "gzip"], ...auth, et !== null && ["if-none-match", et], ["x-device-id", did],
      ["x-app-version", v], ["x-client-version", `${v} (${Number(v.split(".")[1]) * 31})`], dev !== null && ["x-platform", dev[1]], dev !== null && ["x-push-token", dev[0]], ["connection", "Keep-Alive"],
      ["x-timezone", "Europe/Berlin"], ["x-locale", "de_DE"], ["x-correlation-id", did],
    ]),
  }));

export const meshRequest: fc.Arbitrary<Req> = fc.tuple(host, withQuery(restPath, appQuery), appAgent, meshHeaders, fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39], { minLength: 5 }))
  .map(([h, p, ua, hs, keep]) => ({ method: "GET", path: p, headers: [["host", h], ["user-agent", ua], ...keep.filter((i) => i < hs.length).map((i) => hs[i])] }));

export const crawlerRequest: fc.Arbitrary<Req> = fc.tuple(site, withQuery(restPath, fc.oneof(tracking, appQuery)), crawlerAgent, fc.option(httpDate), pick(["text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8", "*/*", "text/html", "text/plain, text/html, application/xhtml+xml"]), fc.boolean())
  .map(([h, p, ua, ims, acc, from]) => ({
    method: from ? "HEAD" : "GET", path: p,
    headers: clean([["host", h], ["user-agent", ua], ["accept", acc], ["accept-encoding", "gzip, deflate, br"], ims !== null && ["if-modified-since", ims], from && ["from", "googlebot(at)googlebot.com"], ["connection", "close"]]),
  }));

export const trackedLanding: fc.Arbitrary<Req> = fc.tuple(site, restPath, fc.array(tracking, { minLength: 1, maxLength: 3 }), browserAgent, cookieHeader)
  .map(([h, p, t, ua, ck]) => ({ method: "GET", path: `${p}?${t.join("&")}`, headers: [["host", h], ["user-agent", ua], ["accept", "text/html,*/*;q=0.8"], ["cookie", ck], ["referer", "https://www.google.com/"]] }));

export const signedDownload: fc.Arbitrary<Req> = fc.tuple(site, ident, slug, fc.oneof(s3Presigned, gcsSigned, azureSas, cloudfrontSigned), fc.oneof(browserAgent, appAgent), pick(["pdf", "zip", "csv", "mp4", "png"]))
  .map(([h, b, s, q, ua, e]) => ({ method: "GET", path: `/${b.replace(/_/g, "-")}/uploads/2024/${s}/${s}%20(1).${e}?response-content-disposition=${encodeURIComponent(`attachment; filename="${s}.${e}"`)}&${q}`, headers: [["host", h], ["user-agent", ua], ["accept", "*/*"]] }));

const davProps = pick(["<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getlastmodified/><d:getcontentlength/><d:resourcetype/><d:getetag/></d:prop></d:propfind>", "<?xml version=\"1.0\"?><a:propfind xmlns:a=\"DAV:\" xmlns:oc=\"http://owncloud.org/ns\"><a:prop><oc:fileid/><oc:permissions/><a:quota-available-bytes/></a:prop></a:propfind>"]);
export const webdav: fc.Arbitrary<Req> = fc.tuple(site, ident, slug, pick(["PROPFIND", "MKCOL", "MOVE", "COPY", "LOCK", "UNLOCK", "PROPPATCH", "DELETE", "PUT"]), davProps, uuid, pick(["Microsoft-WebDAV-MiniRedir/10.0.19045", "Mozilla/5.0 (Windows) mirall/3.11.0 (build 20231211) (Nextcloud, windows-10.0.19045 ClientArchitecture: x86_64 OsArchitecture: x86_64)", "WebDAVFS/3.0.0 (03008000) Darwin/23.1.0 (x86_64)", "davfs2/1.6.1 neon/0.32.2", "rclone/v1.65.0", "Cyberduck/8.7.1.40770 (Mac OS X/14.1) (x86_64)"]))
  .map(([h, u, s, m, props, tok, ua]) => {
    const p = `/remote.php/dav/files/${u}/Documents/${s}`;
    const headers: H[] = [["host", h], ["user-agent", ua], ["authorization", `Basic ${b64(Buffer.from(`${u}:app-password-${s.length}`))}`]];
    if (m === "PROPFIND") return { method: m, path: `${p}/`, headers: [...headers, ["depth", "1"], ["content-type", 'application/xml; charset="utf-8"']], body: props };
    if (m === "MOVE" || m === "COPY") return { method: m, path: `${p}.txt`, headers: [...headers, ["destination", `https://${h}${p}%20(copy).txt`], ["overwrite", "F"], ["depth", "infinity"]] };
    if (m === "LOCK") return { method: m, path: `${p}.docx`, headers: [...headers, ["timeout", "Second-3600"], ["depth", "0"], ["content-type", "application/xml"]], body: `<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner><D:href>${u}</D:href></D:owner></D:lockinfo>` };
    if (m === "UNLOCK") return { method: m, path: `${p}.docx`, headers: [...headers, ["lock-token", `<opaquelocktoken:${tok}>`]] };
    if (m === "PUT") return { method: m, path: `${p}.md`, headers: [...headers, ["if", `(<opaquelocktoken:${tok}> ["${tok.slice(0, 8)}"])`], ["content-type", "text/markdown"], ["oc-mtime", "1700000000"], ["oc-checksum", `SHA1:${tok.replace(/-/g, "").slice(0, 40)}`]], body: `# ${s}\n\nnotes` };
    if (m === "PROPPATCH") return { method: m, path: `${p}.md`, headers: [...headers, ["content-type", "application/xml"]], body: `<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:set><d:prop><oc:favorite>1</oc:favorite></d:prop></d:set></d:propertyupdate>` };
    return { method: m, path: `${p}/`, headers };
  });

const gcsChunk = (h: string, id: string, off: number, len: number, total: number, type: string): Req => ({
  method: "PUT", path: `/upload/storage/v1/b/bucket/o?uploadType=resumable&upload_id=ADPycd${id.replace(/-/g, "")}`,
  headers: [["host", h], ["content-range", `bytes ${off}-${off + len - 1}/${len % 2 ? total : "*"}`], ["content-type", type], ["x-goog-upload-offset", String(off)], ["x-goog-upload-command", "upload, finalize"]],
  body: new Uint8Array(64).fill(1),
});
/** A chunk of a media file sent with its own type (rule 1010 allows only the types APIs parse: an operator allows an upload path). */
export const mediaUpload: fc.Arbitrary<Req> = fc.tuple(site, uuid, fc.nat(100_000_000), fc.integer({ min: 1, max: 8_000_000 }), pick(["video/mp4", "image/jpeg", "image/heic", "application/pdf", "application/zip", "audio/mpeg"]))
  .map(([h, id, off, len, type]) => gcsChunk(h, id, off, len, off + len + 1000, type));

export const resumableUpload: fc.Arbitrary<Req> = fc.tuple(site, uuid, fc.nat(100_000_000), fc.integer({ min: 1, max: 8_000_000 }), ident, pick(["video/mp4", "image/jpeg", "application/pdf", "application/zip"]), fc.nat(3))
  .map(([h, id, off, len, f, type, kind]) => {
    const total = off + len + 1000;
    const meta = `filename ${b64(Buffer.from(`${f} (final) v2.${type.split("/")[1]}`))},filetype ${b64(Buffer.from(type))},relativePath bnVsbA==,name ${b64(Buffer.from(f))}`;
    if (kind === 0) return { method: "POST", path: "/files/", headers: [["host", h], ["tus-resumable", "1.0.0"], ["upload-length", String(total)], ["upload-metadata", meta], ["content-length", "0"]] as H[] };
    if (kind === 1) return { method: "PATCH", path: `/files/${id.replace(/-/g, "")}`, headers: [["host", h], ["tus-resumable", "1.0.0"], ["upload-offset", String(off)], ["content-type", "application/offset+octet-stream"], ["upload-checksum", `sha1 ${b64(Buffer.from(id))}`]] as H[], body: new Uint8Array(64).fill(7) };
    if (kind === 2) return gcsChunk(h, id, off, len, total, "application/octet-stream");
    return { method: "HEAD", path: `/files/${id}`, headers: [["host", h], ["tus-resumable", "1.0.0"]] as H[] };
  });

// Protocol buffers as services encode them: varints, strings, bytes (hashes) and nested messages.
const varint = (x: number) => { const out: number[] = []; do { out.push((x & 0x7f) | (x > 0x7f ? 0x80 : 0)); x = Math.floor(x / 128); } while (x > 0); return out; };
const field = (no: number, wire: number, body: number[]) => [...varint((no << 3) | wire), ...(wire === 2 ? varint(body.length) : []), ...body];
const pbScalar: fc.Arbitrary<number[]> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 15 }), fc.nat(2 ** 31)).map(([f, x]) => field(f, 0, varint(x))),
  fc.tuple(fc.integer({ min: 1, max: 15 }), fc.oneof(ident, uuid, host, camel)).map(([f, t]) => field(f, 2, [...Buffer.from(t)])),
  fc.tuple(fc.integer({ min: 1, max: 15 }), bytes(16, 32)).map(([f, b]) => field(f, 2, [...b])),
);
const protobuf: fc.Arbitrary<number[]> = fc.tuple(fc.array(pbScalar, { minLength: 1, maxLength: 5 }), fc.option(fc.array(pbScalar, { minLength: 1, maxLength: 3 })))
  .map(([xs, inner]) => [...xs.flat(), ...(inner ? field(9, 2, inner.flat()) : [])]);
export const grpcWeb: fc.Arbitrary<Req> = fc.tuple(site, ident, ident, protobuf, browserAgent, small)
  .map(([h, s, m, b, ua, n]) => ({
    method: "POST", path: `/${s}.v1.${s[0].toUpperCase()}${s.slice(1)}Service/${m[0].toUpperCase()}${m.slice(1)}`,
    headers: [["host", h], ["content-type", n.length % 2 ? "application/grpc-web+proto" : "application/grpc-web-text"], ["x-grpc-web", "1"], ["x-user-agent", `grpc-web-javascript/0.1`], ["grpc-timeout", `${n}S`], ["user-agent", ua], ["accept", "application/grpc-web-text"], ["origin", `https://${h}`], ["te", "trailers"], ["grpc-accept-encoding", "identity,deflate,gzip"]],
    body: n.length % 2 ? new Uint8Array([0, 0, 0, b.length >> 8, b.length & 0xff, ...b]) : Buffer.from(Buffer.from([0, 0, 0, b.length >> 8, b.length & 0xff, ...b]).toString("base64")),
  }));

export const websocket: fc.Arbitrary<Req> = fc.tuple(site, bytes(16, 16), browserAgent, pick(["", "graphql-transport-ws", "graphql-ws", "v12.stomp, v11.stomp", "mqtt", "wamp.2.json, wamp.2.msgpack"]), fc.option(fc.tuple(alnum(20, 20), epoch)), cookieHeader)
  .map(([h, k, ua, proto, sock, ck]) => ({
    method: "GET", path: sock ? `/socket.io/?EIO=4&transport=websocket&sid=${sock[0]}&t=${b64(Buffer.from(String(sock[1]))).slice(0, 7)}` : `/ws?token=${b64url(String(k))}`,
    headers: clean([
      ["host", h], ["connection", "Upgrade"], ["upgrade", "websocket"], ["sec-websocket-version", "13"], ["sec-websocket-key", b64(k)], ["sec-websocket-extensions", "permessage-deflate; client_max_window_bits"],
      proto !== "" && ["sec-websocket-protocol", proto], ["origin", `https://${h}`], ["user-agent", ua], ["cookie", ck], ["pragma", "no-cache"], ["cache-control", "no-cache"],
    ]),
  }));

/** The families, each a generator of whole requests that the default configuration lets through. */
export const CLIENT_FAMILIES: [string, fc.Arbitrary<Req>][] = [
  ["browser navigation", browserNavigation],
  ["browser fetch", browserFetch],
  ["CORS preflight", corsPreflight],
  ["media range", mediaRange],
  ["mobile/SDK with auth", appRequest],
  ["service mesh", meshRequest],
  ["crawler", crawlerRequest],
  ["tracked landing", trackedLanding],
  ["signed download", signedDownload],
  ["resumable upload", resumableUpload],
  ["gRPC-web", grpcWeb],
  ["websocket", websocket],
];

/**
 * Families the default configuration blocks by policy (README: a REST API's methods, the media types
 * APIs parse, no If/Lock-Token headers), each with the exclusion an operator writes for the service
 * (`ruleIds|categories|host|pathPrefix|method|target`, test/support/engine.ts inspectWith).
 */
export const POLICY_FAMILIES: [string, fc.Arbitrary<Req>, string][] = [
  ["WebDAV", webdav, "1001,1010,1021|||/remote.php/dav/||"],
  ["media upload", mediaUpload, "1010|||/upload/||"],
];

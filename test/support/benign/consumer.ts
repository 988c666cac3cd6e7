// Consumer-facing traffic: what people type into reviews, support tickets, chats and social posts
// in many languages and scripts (with emoji, RTL and zero-width marks, smart quotes, guillemets,
// emoticons and ASCII art), product names and measures, prices and arithmetic, programming
// questions in the forum shape, search boxes with operators, and the sign-up / checkout / address
// forms of web shops and the JSON APIs of their mobile apps. Used by test/engine/benign-consumer.test.ts
// and scripts/probe-families.ts.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { pick } from "../variants/positions.js";

// ---- atoms --------------------------------------------------------------------------------
const SNIPPETS: Record<string, string[]> = {
  de: ["Super Produkt, schnelle Lieferung!", "Leider kam das Paket beschädigt an.", "Ich würde es jederzeit wieder kaufen", "Größe passt nicht – bitte umtauschen", "Funktioniert einwandfrei, 5 Sterne", "Wo bleibt meine Bestellung?", "Der Akku hält nur 3–4 Stunden", "„Sehr gut“ – aber etwas teuer"],
  fr: ["Très bon produit, je recommande !", "L'article n'est pas conforme à la description.", "Livraison rapide, merci beaucoup", "« Excellent » rapport qualité/prix", "Où est ma commande ? Ça fait 10 jours…", "C'est l'été, j'adore !", "Je n'ai pas reçu d'e-mail de confirmation", "Qu'est-ce que c'est ?"],
  es: ["¡Me encanta! Muy buena calidad.", "¿Cuándo llega mi pedido?", "El envío tardó más de lo esperado", "No funciona el botón de encendido", "Relación calidad-precio excelente", "Año nuevo, móvil nuevo 😄", "La talla es más pequeña de lo normal"],
  pl: ["Świetny produkt, polecam!", "Przesyłka dotarła uszkodzona.", "Źle dobrany rozmiar – proszę o zwrot", "Czy mogę zmienić adres dostawy?", "Żółć jest ładniejsza niż na zdjęciu", "Dziękuję za szybką odpowiedź"],
  tr: ["Ürün çok güzel, teşekkürler!", "Kargo çok geç geldi.", "İade etmek istiyorum", "Şarj aleti çalışmıyor", "Fiyat/performans ürünü, tavsiye ederim", "Siparişim ne zaman gelecek?"],
  vi: ["Sản phẩm rất tốt, giao hàng nhanh!", "Tôi chưa nhận được đơn hàng.", "Chất lượng tuyệt vời, sẽ ủng hộ tiếp", "Màu sắc không giống hình", "Cảm ơn shop nhiều ạ"],
  ru: ["Отличный товар, рекомендую!", "Доставка заняла две недели.", "Где мой заказ? Номер 4521", "Качество — на высоте", "«Лучшее, что я покупал» — честно", "Не работает зарядка, что делать?"],
  ar: ["منتج رائع، أنصح به!", "لم يصل طلبي بعد.", "الجودة ممتازة والسعر مناسب", "أريد إرجاع المنتج من فضلك", "شكراً جزيلاً على المساعدة"],
  he: ["מוצר מעולה, ממליץ בחום!", "ההזמנה שלי עדיין לא הגיעה.", "שירות לקוחות מצוין", "המידה קטנה מדי", "תודה רבה!"],
  hi: ["बहुत अच्छा उत्पाद है!", "मेरा ऑर्डर अभी तक नहीं आया।", "डिलीवरी बहुत तेज़ थी", "कीमत के हिसाब से बढ़िया", "धन्यवाद 🙏"],
  zh: ["质量很好，物流也很快！", "我的订单什么时候到？", "颜色和图片不一样。", "性价比很高，推荐购买", "客服态度很好，谢谢！", "「非常满意」"],
  ja: ["とても良い商品です！", "注文した商品がまだ届きません。", "サイズが少し小さかったです", "また購入したいと思います（笑）", "「最高」でした", "電池の持ちが悪い…"],
  ko: ["정말 좋은 제품이에요!", "배송이 너무 늦어요.", "색상이 사진과 달라요", "가격 대비 만족합니다 ㅎㅎ", "다음에 또 살게요~"],
  en: ["Great product, fast shipping!", "Doesn't work as advertised.", "I'd buy it again -- no question", "It's OK... not great, not terrible", "Customer service was super helpful :)", "Where's my order?? It's been 3-5 days", "Five stars, would recommend to anyone who's into hiking"],
};
const LANGS = Object.keys(SNIPPETS);
const EMOJI = ["😀", "😂", "😍", "👍", "👍🏽", "🙏", "🔥", "🎉", "❤️", "💯", "😢", "🤔", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇩🇪", "🇯🇵", "✨", "☕", "🙄", "😅"];
const EMOTICONS = [":-)", ";-)", ":)", ":(", ":-(", ":D", ":P", ":-P", "<3", "</3", ">_<", "^_^", "^^", "-_-", "o_O", "\\o/", "¯\\_(ツ)_/¯", "(╯°□°)╯︵ ┻━┻", "xD", ":'(", ":-/", "(>_<)", "=)", ":-*", "T_T", "(^_^;)", "<(^_^)>"];
const MARKS = ["\u200f", "\u200e", "\u200d", "\u200b", "\u2066", "\u2069", "\u00a0", "\u202f"];
const PRODUCTS = ["O'Reilly book", "AT&T plan", "C++ primer", "C# in Depth", ".NET 8 SDK", "Node.js course", "Wi-Fi 6E router", "USB-C (3.1) cable", "Levi's 501", "Ben & Jerry's", "M&M's", "Procter & Gamble", "Johnson & Johnson", "H&M jacket", "Coca-Cola Zero", "iPhone 15 Pro Max", "Galaxy S24+", "PS5 (disc)", "Dr. Martens 1460", "L'Oréal serum", "Häagen-Dazs", "Toys\"R\"Us gift card", "3M tape", "Yahoo!", "E*TRADE", "Q*bert", "Macy's", "Kellogg's", "McDonald's"];
const MEASURES = ["5' 11\"", "6'2\"", "1/2\" x 3/4\"", "12\" x 18\"", "2x4", "3-5 days", "10-12 business days", "1,5 kg", "2.5 lbs", "30 x 40 cm", "100% cotton", "50% off", "-20%", "EUR 19,99", "$1,299.00", "£35", "¥3,980", "₹499", "₺250", "24/7", "4.5/5", "10/10", "1080p@60Hz", "5V/2A", "65W", "1:1", "16:9", "№ 5", "#1 bestseller", "A+", "2 for 1", "size 10½", "~3 hrs", "±2 mm", "≥ 18 years", "≤ 5 items", "32°F / 0°C"];
const MATH = ["2 < 3", "x >= 10", "a*b", "a * b = c", "(a+b)/2", "5 > 3 and 2 < 4", "1 + 1 = 2", "n! = n * (n-1)!", "3^2 = 9", "10 % 3 = 1", "y = 2x + 1", "if x < 0 then -x", "price * 0.8", "total = SUM of items", "A1+B1", "50/50", "1/3 ≈ 0.333", "√16 = 4", "π ≈ 3.14159", "x² + y² = r²", "|x| < 1", "f(x) = x - 1", "2 <= n <= 100", "a != b", "a == b"];
const TAGS = ["#blackfriday", "#sale", "#ootd", "#travel", "#foodie", "#100DaysOfCode", "#JavaScript", "#OnThisDay", "#MondayMotivation", "#nofilter", "#tbt", "#WWDC", "#C++", "#DevOps", "#selfcare", "#東京", "#Berlin", "#café"];
const HANDLES = ["@support", "@jane_doe", "@acme", "@the.real.bob", "@O'Neil", "@dev-team", "@京都", "@Mike_92", "@everyone", "@here"];
const URLS = ["https://example.com/p/12345?ref=share", "https://shop.example.de/artikel/größe-m", "http://t.co/aB3dE", "www.example.org", "https://youtu.be/dQw4w9WgXcQ?t=42", "https://maps.example.com/?q=52.52,13.40", "example.co.uk/returns#faq", "https://example.com/search?q=red+shoes&page=2"];
const NAMES = ["Zoë O'Brien", "José Álvarez", "Łukasz Wójcik", "Şule Yılmaz", "Nguyễn Văn An", "Дмитрий Иванов", "محمد علي", "דוד כהן", "राहुल शर्मा", "王小明", "佐藤 花子", "김민준", "Jean-Luc D'Arcy", "Siobhán Ní Bhriain", "Anne-Marie O'Neil-Smith", "Mary-Kate d'Alembert", "Björn Ångström"];
const CITIES = ["München", "Kraków", "İstanbul", "Hà Nội", "Москва", "القاهرة", "תל אביב", "नई दिल्ली", "北京", "東京都", "서울", "Zürich", "São Paulo", "Montréal", "Reykjavík", "L'Aquila", "Saint-Étienne"];

const snippet = fc.tuple(pick(LANGS), fc.nat()).map(([l, n]) => SNIPPETS[l][n % SNIPPETS[l].length]);
const decor = fc.oneof(pick(EMOJI), pick(EMOTICONS), pick(MARKS), pick(TAGS), pick(HANDLES), pick(URLS), pick(PRODUCTS), pick(MEASURES), pick(MATH));
/** A free-text post: snippets in one or several languages with emoji, emoticons, marks, tags, links, products, measures. */
const post = fc.array(fc.oneof({ weight: 3, arbitrary: snippet }, { weight: 2, arbitrary: decor }), { minLength: 1, maxLength: 9 })
  .chain((xs) => fc.array(pick([" ", " ", " ", "\n", "\n\n", " -- ", " — ", "... ", " | ", ", "]), { minLength: xs.length, maxLength: xs.length })
    .map((seps) => xs.map((x, i) => x + (i < xs.length - 1 ? seps[i] : "")).join("")));

const ASCII_ART = [
  "  /\\_/\\\n ( o.o )\n  > ^ <",
  "+-------+-------+\n| Size  | Price |\n+-------+-------+\n| S     | $10   |\n| M/L   | $12   |\n+-------+-------+",
  "(\\__/)\n(='.'=)\n(\")_(\")",
  "-=-=-=-=-=-=-=-=-\n   SALE  SALE\n-=-=-=-=-=-=-=-=-",
  "  ___\n |   |\n |___|  <-- box goes here\n   |\n  \\|/",
  "*****\n * *\n  *",
  "<<< back | next >>>",
  "==> step 1\n==> step 2 (optional)\n--> done!",
  "┌─────┐\n│ 42  │\n└─────┘",
  "ʕ•ᴥ•ʔ",
  "( ͡° ͜ʖ ͡°)",
  "~~~~~~~~~~~~~~~~~~",
  "#################\n# closed Sunday #\n#################",
];
const asciiArt = pick(ASCII_ART);

// ---- reviews, tickets, chat, social ---------------------------------------------------------
const stars = fc.integer({ min: 1, max: 5 });
export const review = fc.tuple(post, stars, pick(NAMES), pick(PRODUCTS), fc.boolean()).map(([text, s, n, p, rec]) => ({ rating: s, title: `${p} – ${"★".repeat(s)}${"☆".repeat(5 - s)}`, body: text, author: n, recommend: rec }));
const ORDER = fc.integer({ min: 100000, max: 999999 }).map((n) => `#${n}`);
export const ticket = fc.tuple(pick(NAMES), ORDER, post, pick(MEASURES), fc.option(asciiArt, { nil: undefined }), pick(["Hi,", "Hello team,", "Dear Sir/Madam,", "Hallo,", "Bonjour,", "Hola,", "Здравствуйте,", "こんにちは、"]))
  .map(([n, o, text, m, art, hi]) => ({ subject: `Order ${o}: problem with delivery (${m})`, message: `${hi}\n\n${text}\n${art ? "\n" + art + "\n" : ""}\nOrder ${o} -- placed 12/03/2024 at 10:45 p.m.\nThanks & regards,\n${n}`, priority: "normal" }));
export const chat = fc.tuple(post, pick(HANDLES), fc.option(pick(EMOTICONS), { nil: undefined })).map(([t, h, e]) => ({ text: `${h} ${t}${e ? " " + e : ""}`, channel: "general", client_msg_id: "a3f1c2d4" }));
export const social = fc.tuple(post, fc.array(pick(TAGS), { maxLength: 4 }), fc.array(pick(HANDLES), { maxLength: 2 }), fc.option(pick(URLS), { nil: undefined }), fc.option(asciiArt, { nil: undefined }))
  .map(([t, tags, hs, u, art]) => `${hs.join(" ")}${hs.length ? " " : ""}${t}${art ? "\n" + art : ""}${u ? " " + u : ""} ${tags.join(" ")}`.trim());

// ---- forms ----------------------------------------------------------------------------------
const PW_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~";
/** Generated passwords (password managers) and human ones with symbols. */
export const password = fc.oneof(
  fc.array(fc.integer({ min: 0, max: PW_CHARS.length - 1 }), { minLength: 12, maxLength: 32 }).map((ix) => ix.map((i) => PW_CHARS[i]).join("")),
  fc.tuple(pick(["Summer", "Correct", "Horse", "Bella", "Liverpool", "Passwort", "Mot2passe"]), fc.integer({ min: 1, max: 2030 }), pick(["!", "#", "$", "!!", "?", "*", "'", "\"", "<3", "&", ";", "--", "@"])).map(([w, n, s]) => `${w}${n}${s}`),
  fc.array(pick(["correct", "horse", "battery", "staple", "tiger", "lamp", "Ørsted", "über"]), { minLength: 3, maxLength: 5 }).chain((ws) => pick(["-", " ", ".", "_", "+", "*"]).map((s) => ws.join(s))),
);
export const username = fc.oneof(
  fc.tuple(pick(["john", "marie", "łukasz", "zoë", "dark", "xX_sniper", "the", "mr", "dj"]), pick(["_", ".", "-", "", "__"]), pick(["doe", "92", "o'neil", "killer_Xx", "smith", "2000", "dev"])).map(([a, s, b]) => a + s + b),
  pick(["O'Reilly", "ninja<3", ">>neo<<", "[TAG]player", "~*angel*~", "user#1234", "c0d3r", "select_all", "drop_bear", "union_jack", "admin_assistant", "root_beer", "null_pointer", "echo_chamber"]),
);
const email = fc.tuple(pick(["jane.doe", "o'brien", "first+tag", "j_smith", "a.b-c", "Jörg", "x"]), pick(["example.com", "mail.example.de", "example.co.uk", "xn--mnchen-3ya.example"])).map(([l, d]) => `${l}@${d}`);
const phone = fc.tuple(pick(["+1 (555) ", "+44 (0)20 ", "+49 30 ", "+33 1 ", "+48 22 ", "+90 212 ", "+84 24 ", "+7 (495) ", "+971 4 ", "+972-3-", "+91 98", "+86 10 ", "+81 3-", "+82 2-", "0800 "]), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }), pick(["", " ext. 12", " x204", " (mobile)", " / 24h"]))
  .map(([p, a, b, e]) => `${p}${a}-${b}${e}`);
const STREETS = ["221B Baker Street", "1600 Amphitheatre Pkwy", "Rue de l'Église 4", "Hauptstraße 12a", "ul. Marszałkowska 10/24", "İstiklal Cd. No:5", "Số 12, Phố Huế", "ул. Тверская, д. 7, кв. 15", "شارع التحرير 15", "רחוב הרצל 3", "12, MG Road", "朝阳区建国路88号", "千代田区丸の内1-1-1", "강남구 테헤란로 123", "P.O. Box 742", "Apt. #4B, 350 5th Ave.", "c/o O'Hara & Sons, Unit 3/12", "Flat 2, 10 Queen's Road"];
const address = fc.tuple(pick(NAMES), pick(STREETS), pick(CITIES), fc.stringMatching(/^[0-9]{5}$/), pick(["DE", "FR", "ES", "PL", "TR", "VN", "RU", "EG", "IL", "IN", "CN", "JP", "KR", "US", "GB"]))
  .map(([name, street, city, zip, cc]) => ({ name, line1: street, line2: "", city, postcode: zip, country: cc }));
const card = fc.tuple(fc.stringMatching(/^4[0-9]{15}$/), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 32 })).map(([n, m, y]) => ({ number: n.replace(/(.{4})/g, "$1 ").trim(), exp: `${String(m).padStart(2, "0")}/${y}`, cvc: "123" }));
const dateTime = pick(["12/03/2024", "03.12.2024", "2024-12-03", "Dec 3rd, 2024", "3 déc. 2024", "2024年12月3日", "10:45 p.m.", "22:45", "7-9pm", "Mon–Fri 9:00–17:00", "tomorrow @ 3pm", "Q4/2024", "'24", "the '90s"]);
const note = fc.oneof(post, pick(MEASURES), pick(MATH), dateTime, fc.tuple(pick(["Leave at back door", "Ring twice", "Gate code", "Don't knock - baby sleeping", "Call on arrival", "Deliver to neighbour (no. 12)", "Buzz #204"]), pick(["", "!", " :)", "; thanks", " & thanks", " <3", " -- cheers", " (after 6pm)"])).map(([a, b]) => a + b));
export const signup = fc.tuple(pick(NAMES), username, email, password, phone, fc.boolean()).map(([n, u, e, p, ph, nl]) => ({ full_name: n, username: u, email: e, password: p, password_confirmation: p, phone: ph, newsletter: nl ? "on" : "off" }));
export const checkout = fc.tuple(address, address, card, note, fc.option(pick(["SAVE20", "BLACK-FRIDAY", "WELCOME10", "FREESHIP", "XMAS_2024"]), { nil: undefined }), pick(MEASURES))
  .map(([ship, bill, c, n, coupon, m]) => ({ shipping: ship, billing: bill, card: c, delivery_note: n, coupon: coupon ?? "", gift_message: `Happy birthday! ${m} 🎉` }));
export const addressBook = fc.tuple(pick(NAMES), address, phone, email, note, pick(["Work", "Home", "Mom & Dad", "Office (2nd floor)", "Grandma's", "AT&T store", "Gym -- 24/7"]))
  .map(([n, a, ph, e, nt, label]) => ({ label, contact: n, ...a, phone: ph, email: e, notes: nt }));

// ---- search boxes with operators ------------------------------------------------------------
const term = fc.oneof(pick(["red shoes", "wifi 6e router", "c++ tutorial", "c# async", "node.js", "o'reilly", "at&t", "5' 11\"", "1/2\" pipe", "100% cotton", "size 10½", "größe m", "żółty", "東京 ホテル", "서울 맛집", "кроссовки", "سماعات", "אוזניות", "जूते", "笔记本电脑"]), snippet.map((s) => s.slice(0, 30)));
const operator = fc.oneof(
  term.map((t) => `"${t.replace(/"/g, "")}"`),
  pick(["-used", "-refurbished", "-\"out of stock\"", "site:example.com", "filetype:pdf", "intitle:review", "inurl:docs", "OR", "AND", "NOT", "before:2024-01-01", "after:2023", "price:<50", "rating:>=4", "tag:sale", "from:@acme", "lang:de", "\"exact phrase\"", "*", "(cheap OR budget)", "related:example.com", "+waterproof", "~laptop", "$100..$300", "color:red|blue"]),
);
export const searchQuery = fc.array(fc.oneof(term, operator), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(" "));

// ---- programming Q&A (forum / StackOverflow shape) ------------------------------------------
const QA_TITLES = ["How do I", "Why does", "What's the best way to", "Is it possible to", "Can't figure out how to", "Wie kann ich", "Comment faire pour", "¿Cómo puedo", "Как"];
const QA_GOALS = ["join two tables and count rows per group?", "escape quotes in a string?", "read a file line by line?", "sort a list of dicts by key?", "fix 'undefined is not a function'?", "parse JSON with nested arrays?", "loop over a map in order?", "center a div?", "remove duplicates from an array?", "convert a date string to a timestamp?"];
const QA_CODE = [
  "SELECT c.name, COUNT(o.id) AS orders\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= '2024-01-01'\nGROUP BY c.name\nHAVING COUNT(o.id) > 5\nORDER BY orders DESC;",
  "UPDATE products SET price = price * 0.9 WHERE category = 'books';",
  "SELECT * FROM users WHERE email LIKE '%@example.com' AND status <> 'deleted' LIMIT 10;",
  "INSERT INTO tags (name) VALUES ('c++'), ('c#'), ('.net');",
  "const items = data.filter(x => x.price > 10).map(x => ({ ...x, total: x.price * x.qty }));\nconsole.log(items.length);",
  "const res = await fetch(`/api/users/${id}`);\nif (!res.ok) throw new Error(res.statusText);\nconst user = await res.json();",
  "document.querySelector('#btn').addEventListener('click', () => {\n  el.classList.toggle('open');\n});",
  "with open('data.csv', newline='') as f:\n    for row in csv.DictReader(f):\n        print(row['name'], row['price'])",
  "sorted_users = sorted(users, key=lambda u: u['age'], reverse=True)",
  "df = pd.read_csv('sales.csv')\ndf.groupby('region')['amount'].sum().sort_values(ascending=False)",
  "for f in *.jpg; do\n  convert \"$f\" -resize 50% \"small_$f\"\ndone",
  "grep -rn \"TODO\" src/ | wc -l",
  "find . -name '*.log' -mtime +7 -delete",
  "ls -la | grep '^d' | awk '{print $9}'",
  "public static void main(String[] args) {\n    List<String> names = new ArrayList<>();\n    names.add(\"Zoë\");\n    System.out.println(names.size());\n}",
  "var result = list.Where(x => x.Age >= 18).OrderBy(x => x.Name).ToList();",
  "std::vector<int> v{3, 1, 2};\nstd::sort(v.begin(), v.end());\nfor (auto& x : v) std::cout << x << '\\n';",
  "fn main() {\n    let v: Vec<i32> = (1..=10).filter(|x| x % 2 == 0).collect();\n    println!(\"{:?}\", v);\n}",
  "func main() {\n\tm := map[string]int{\"a\": 1}\n\tfor k, v := range m {\n\t\tfmt.Printf(\"%s=%d\\n\", k, v)\n\t}\n}",
  "<div class=\"container\">\n  <p style=\"text-align:center\">Hello</p>\n</div>",
  ".container { display: flex; justify-content: center; align-items: center; height: 100vh; }",
  "git rebase -i HEAD~3\ngit push --force-with-lease origin feature/login",
  "docker run -d -p 8080:80 --name web nginx:1.25",
  "if [ -f ~/.bashrc ]; then . ~/.bashrc; fi",
  "awk -F, '$3 > 100 {sum += $3} END {print sum}' orders.csv",
  "Get-ChildItem -Path C:\\Logs -Filter *.log | Where-Object { $_.Length -gt 1MB }",
  "=VLOOKUP(A2, Sheet2!A:B, 2, FALSE)",
  "my_list = [x**2 for x in range(10) if x % 2 == 0]",
  "SELECT id, name FROM employees e WHERE salary > (SELECT AVG(salary) FROM employees WHERE dept = e.dept);",
];
/** PHP code: left blocked (test/engine/benign-consumer.test.ts says why). */
const QA_PHP = [
  "$name = htmlspecialchars($_POST['name'], ENT_QUOTES, 'UTF-8');\n$stmt = $pdo->prepare('SELECT * FROM users WHERE id = ?');\n$stmt->execute([$id]);",
  "<?php foreach ($items as $item): ?>\n  <li><?= htmlspecialchars($item['title']) ?></li>\n<?php endforeach; ?>",
  "if (isset($_GET['page'])) {\n    $page = (int) $_GET['page'];\n}",
];
const QA_TEXT = ["I tried this but it returns an empty result:", "Here's my code so far:", "This works on my machine but not in prod:", "EDIT: solved, the answer below works. For anyone else:", "Minimal example:", "My query looks like this:", "I get an error on line 3 of:"];
const QA_AFTER = ["Any ideas? Thanks in advance!", "What am I doing wrong?", "Using Node.js 20 / C# 12 / .NET 8, Windows 11.", "Edit 2: tried `--force` too, same thing :(", "Error: `TypeError: Cannot read properties of undefined (reading 'map')`", "It says `syntax error near unexpected token 'done'`.", "Expected: 5 rows. Got: 0.", "Any help appreciated <3"];
const qaPostOf = (code: string[]) => fc.tuple(pick(QA_TITLES), pick(QA_GOALS), pick(QA_TEXT), fc.array(pick(code), { minLength: 1, maxLength: 2 }), pick(QA_AFTER), fc.boolean(), pick(["sql", "javascript", "python", "bash", "php", "java", "c#", "c++", "rust", "go", "html", "css", "excel", "powershell"]))
  .map(([t, g, before, codes, after, fenced, tag]) => ({
    title: `${t} ${g}`,
    body: `${before}\n\n${codes.map((c) => (fenced ? "```\n" + c + "\n```" : c.split("\n").map((l) => "    " + l).join("\n"))).join("\n\nand\n\n")}\n\n${after}`,
    tags: [tag, "beginner"],
  }));
export const qaPost = qaPostOf(QA_CODE);
export const qaPostPhp = qaPostOf(QA_PHP);
/** An answer comment: inline code in backticks. */
const qaCommentOf = (code: string[]) => fc.tuple(pick(code), pick(["Try `", "Have you tried `", "Use `", "Just replace it with `"]), pick(["` instead.", "` -- worked for me.", "`, see the docs.", "` (note the quotes!)"]))
  .map(([c, a, b]) => a + c.split("\n")[0] + b);
export const qaComment = qaCommentOf(QA_CODE);
export const qaCommentPhp = qaCommentOf(QA_PHP);

// ---- carriers -------------------------------------------------------------------------------
const HOST: [string, string] = ["host", "shop.example.com"];
const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
const form = (path: string, fields: Record<string, unknown>): Req => ({
  method: "POST", path, headers: [HOST, ["content-type", "application/x-www-form-urlencoded"]],
  body: flat(fields).map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&"),
});
const json = (path: string, doc: unknown, ua = "ShopApp/5.2.1 (iPhone; iOS 17.4; Scale/3.00)"): Req => ({
  method: "POST", path, headers: [HOST, ["content-type", "application/json; charset=utf-8"], ["user-agent", ua]], body: JSON.stringify(doc),
});
const get = (path: string, q: string): Req => ({ method: "GET", path: `${path}?q=${enc(q)}&page=1`, headers: [HOST, ["accept", "text/html"]] });
function flat(o: Record<string, unknown>, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}[${k}]` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) out.push(...flat(v as Record<string, unknown>, key));
    else if (Array.isArray(v)) v.forEach((x) => out.push([`${key}[]`, String(x)]));
    else out.push([key, String(v)]);
  }
  return out;
}
const either = <T extends Record<string, unknown>>(a: fc.Arbitrary<T>, path: string) => fc.tuple(a, fc.boolean()).map(([d, f]) => (f ? form(path, d) : json(`/api/v2${path}`, d)));

const comment = (c: string, f: boolean): Req => (f ? form("/comments", { comment: c, post_id: "8812" }) : json("/api/v2/comments", { comment: c, post_id: 8812 }));
export type ConsumerFamily = [string, fc.Arbitrary<Req>, number];
export const consumerFamilies: ConsumerFamily[] = [
  ["review (multilingual, emoji, emoticons)", either(review, "/reviews"), 300],
  ["support ticket (with ASCII art, measures)", either(ticket, "/support/tickets"), 200],
  ["chat message (mobile JSON)", chat.map((d) => json("/api/v2/chat/messages", d)), 200],
  ["social post (hashtags, @mentions, URLs)", fc.tuple(social, fc.boolean()).map(([t, f]) => (f ? form("/posts", { status: t, visibility: "public" }) : json("/api/v2/statuses", { status: t, media_ids: [] }))), 300],
  ["search box with operators", fc.tuple(searchQuery, fc.boolean()).map(([q, g]) => (g ? get("/search", q) : json("/api/v2/search", { query: q, filters: { inStock: true } }))), 300],
  ["sign-up form / app JSON (passwords with symbols)", either(signup, "/account/register"), 300],
  ["checkout form / app JSON", either(checkout, "/checkout"), 200],
  ["address book entry", either(addressBook, "/account/addresses"), 200],
  ["programming Q&A post", either(qaPost, "/questions"), 300],
  ["programming Q&A comment", fc.tuple(qaComment, fc.boolean()).map(([c, f]) => comment(c, f)), 200],
];
/** Left blocked on purpose (test/engine/benign-consumer.test.ts). */
export const openConsumerFamilies: ConsumerFamily[] = [
  ["PHP Q&A post", either(qaPostPhp, "/questions"), 100],
  ["PHP Q&A comment", fc.tuple(qaCommentPhp, fc.boolean()).map(([c, f]) => comment(c, f)), 100],
];

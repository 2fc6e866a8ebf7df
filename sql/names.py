"""Names in questions matched against the database's values: reps, accounts, cities, provinces, products.

Exact matches are found through a character-bigram index (fast on 100,000 accounts); near matches (one wrong
character, 张玮 for 张伟) through rapidfuzz on the candidates that share bigrams. Two records with the same name
are returned together so that the caller can ask which one was meant.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from sqlalchemy import Engine, text

from crm import labels
from crm.demo.geo import PLACE_EN
from sql.contactwords import DEPARTMENT_GROUPS, DEPARTMENTS, TITLES
from sql.productwords import BESIDE, LINE_GROUPS, LINES, TERMS
from sql.question import compiled

# Cities that are a province of their own: the same place either way, so never asked back.
MUNICIPALITIES = frozenset({"北京", "上海", "天津", "重庆"})


@dataclass(frozen=True)
class NameHit:
    """A value found in the question: `kind` (rep, account, city, province, product), the ids it may mean."""

    kind: str
    name: str  # the database's spelling
    ids: tuple[int, ...]
    span: tuple[int, int]
    exact: bool
    details: tuple[str, ...] = ()  # one description per id, for clarifying questions


@dataclass
class NameIndex:
    reps: dict[str, list[tuple[int, str]]]
    accounts: dict[str, list[int]]
    cities: set[str]
    provinces: set[str]
    products: dict[str, int]
    product_lines: set[str]
    bigrams: dict[str, set[str]]
    teams: dict[str, int]
    name_lengths: tuple[int, int] = (2, 40)
    rep_pinyin: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)  # "zhiqiang tang" -> reps
    led_teams: dict[int, int] = field(default_factory=dict)  # a manager's rep id -> the team they lead
    short_accounts: dict[str, str] = field(default_factory=dict)  # "上海博远商贸" -> "上海博远商贸有限公司"
    product_words: tuple[ProductWord, ...] = ()  # "chemistry analyzer", "彩超", "a100", "ivd-a100" -> products
    line_words: tuple[tuple[re.Pattern[str], str], ...] = ()  # "beverage" -> 饮料
    line_products: dict[str, tuple[int, ...]] = field(default_factory=dict)  # 医学影像 -> (6, 7)
    # contacts' titles and departments: (word, dimension, stored values), longest word first
    contact_words: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = ()
    contracts: dict[str, int] = field(default_factory=dict)  # contract number, lower-case -> id
    # contact name -> (id, title, account id); found only where the question says it is a contact's name
    contacts: dict[str, list[tuple[int, str, int]]] = field(default_factory=dict)
    # rep id -> the words that place them: team name, region in Chinese and English ("华东1组", "华东", "east china")
    rep_places: dict[int, tuple[str, ...]] = field(default_factory=dict)
    _labels: dict[str, dict[int, str]] = field(default_factory=dict, repr=False)  # id -> name, filled on first use
    _surnames: dict[str, int] = field(default_factory=dict, repr=False)  # surname -> two-character names, on first use
    _grams: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # account name -> bigrams, on first use
    _lengths: list[int] = field(default_factory=list, repr=False)  # the lengths of rep names, on first use

    @classmethod
    def load(cls, engine: Engine) -> NameIndex:
        reps: dict[str, list[tuple[int, str]]] = defaultdict(list)
        pinyin: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        accounts: dict[str, list[int]] = defaultdict(list)
        places: dict[int, tuple[str, ...]] = {}
        with engine.connect() as conn:
            for rid, name, email, team, region, region_en in conn.execute(text(
                    "SELECT s.id, s.name, s.email, t.name, r.name_zh, r.name_en FROM sales_rep s LEFT JOIN team t ON "
                    "t.id = s.team_id LEFT JOIN region r ON r.id = s.region_id ORDER BY s.id")):
                reps[name].append((rid, f"{name}（{team or region or '总部'}，{email}）"))
                places[rid] = tuple(w.lower() for w in (team, region, region_en) if w)
                for key in _pinyin_keys(email):
                    pinyin[key].append((rid, name, f"{name}（{team or region or '总部'}，{email}）"))
            account_cities: dict[str, str] = {}
            for aid, name, city in conn.execute(text("SELECT id, name, city FROM account")):
                accounts[name].append(aid)
                account_cities[name] = city or ""
            cities = {r[0] for r in conn.execute(text("SELECT DISTINCT city FROM account"))}
            provinces = {r[0] for r in conn.execute(text("SELECT DISTINCT province FROM account"))}
            rows = [(r[0], r[1], r[2], r[3]) for r in conn.execute(text("SELECT id, name, sku, product_line FROM product"))]
            catalogue = [(pid, name, sku) for pid, name, sku, _line in rows]
            members: dict[str, list[int]] = defaultdict(list)
            for pid, _name, _sku, line in rows:
                members[line].append(pid)
            products = {name: pid for pid, name, _sku in catalogue}
            lines = set(members)
            contracts = {str(r[1]).lower(): r[0] for r in conn.execute(text("SELECT id, contract_no FROM contract"))}
            titles = {r[0] for r in conn.execute(text("SELECT DISTINCT title FROM contact WHERE title IS NOT NULL"))}
            departments = {r[0] for r in conn.execute(text(
                "SELECT DISTINCT department FROM contact WHERE department IS NOT NULL"))}
            teams = {r[1]: r[0] for r in conn.execute(text("SELECT id, name FROM team"))}
            contacts: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
            for cid, name, title, account_id in conn.execute(text(
                    "SELECT id, name, title, account_id FROM contact ORDER BY id")):
                contacts[name].append((cid, title or "", account_id))
            led = {r[1]: r[0] for r in conn.execute(text("SELECT id, manager_id FROM team WHERE manager_id IS NOT NULL"))}
        bigrams: dict[str, set[str]] = defaultdict(set)
        for name in accounts:
            for bg in _bigrams(name):
                bigrams[bg].add(name)
        short = _short_names(accounts, account_cities)
        lengths = [len(n) for n in (*accounts, *short)] or [2]
        return cls(dict(reps), dict(accounts), cities, provinces, products, lines, dict(bigrams), teams,
                   (max(2, min(lengths)), min(60, max(lengths))), dict(pinyin), led, short,
                   _product_words(catalogue), tuple((_word_pattern(w), line) for line in lines
                                                    for w in LINES.get(line, ())),
                   {line: tuple(ids) for line, ids in members.items()}, _contact_words(titles, departments), contracts,
                   dict(contacts), places)

    def _teams_by_manager(self, question: str) -> list[NameHit]:
        """"潘经理那个组", "冯经理团队": a team called by its manager's surname, when no other manager shares it."""
        surnames: dict[str, list[int]] = defaultdict(list)
        for rep_id, team_id in self.led_teams.items():
            if (name := self.label("rep", rep_id)) is not None:
                surnames[name[0]].append(team_id)
        unique = {surname: ids[0] for surname, ids in surnames.items() if len(ids) == 1}
        if not unique:
            return []
        # one pattern for all of them, the same string each time, so `re` compiles it once
        said = rf"({'|'.join(sorted(unique))})经理(那个|那边的?|的)?(小组|组里|团队里|团队|组)"
        hits = []
        for m in re.finditer(said, question):
            team_id = unique[m.group(1)]
            team = next(t for t, i in self.teams.items() if i == team_id)
            hits.append(NameHit("team", team, (team_id,), m.span(), True))
        return hits

    def label(self, dimension: str, record_id: object) -> str | None:
        """The name of a rep, account, product or team id, for saying a plan back ("业务员=董丹", not an id)."""
        if not self._labels:
            self._labels.update(rep={i: name for name, entries in self.reps.items() for i, _d in entries},
                                account={i: name for name, ids in self.accounts.items() for i in ids},
                                product={i: name for name, i in self.products.items()},
                                team={i: name for name, i in self.teams.items()},
                                contract={i: no.upper() for no, i in self.contracts.items()},
                                contact={i: name for name, entries in self.contacts.items() for i, _t, _a in entries})
        return self._labels.get(dimension, {}).get(record_id) if isinstance(record_id, int) else None

    def english_words(self) -> frozenset[str]:
        """Pinyin of reps and English city names: words that are names, never spelling mistakes."""
        places = [PLACE_EN[c] for c in self.cities | self.provinces if c in PLACE_EN]
        return frozenset(w for key in (*self.rep_pinyin, *places) for w in key.lower().split())

    def placed_rep(self, q: str, hit: NameHit) -> tuple[int, tuple[int, int]] | None:
        """The one rep of a shared name that the words beside it place ("华北的张伟", "华东2组的程颖", "the East China
        Zhang Wei", "Chen Lei in Central China"): their id and the span of those words, or None."""
        start, end = hit.span
        found = []
        for rid in hit.ids:
            for place in sorted(self.rep_places.get(rid, ()), key=len, reverse=True):
                before = re.search(rf"{re.escape(place)}(区|大区)?(那边|这边|那儿)?(的|那个|那位)?\s*(?:the\s+)?$", q[max(0, start - 24):start])
                after = re.match(rf"\s*(?:in|from|of|at)\s+(?:the\s+)?{re.escape(place)}\b", q[end:])
                if before:
                    found.append((rid, (max(0, start - 24) + before.start(), start)))
                    break
                if after:
                    found.append((rid, (end, end + after.end())))
                    break
        return found[0] if len(found) == 1 else None

    def find(self, question: str) -> list[NameHit]:
        contacts = self._contacts(question)
        if contacts:  # "联系人谢丽": the contact, even where a rep has the same name
            return [*contacts, *(h for h in self._find(question) if all(
                h.span[1] <= c.span[0] or h.span[0] >= c.span[1] for c in contacts))]
        return self._find(question)

    def _contacts(self, q: str) -> list[NameHit]:
        """A contact by name, only where the question says so: right after or before "联系人" / "contact", or
        opening a question about contacts ("赵秀英是哪家客户的联系人"). Contact names repeat and are ordinary
        people's names, so a name anywhere else is not taken for a contact."""
        if not self.contacts or not re.search(CONTACT_WORD, q):
            return []
        for pattern in CONTACT_NAME_AT:
            for m in pattern.finditer(q):
                for n in (3, 2):  # the longest name that is a contact's ("谢丽华" before "谢丽")
                    start = m.start("n") if pattern is not CONTACT_BEFORE_WORD else m.end("n") - n
                    name = q[start:start + n]
                    if pattern is CONTACT_OPENING and (name in self.reps or q.startswith("的", start + n)):
                        continue  # "张伟的联系人": the rep's (or an account's) contacts, not a contact named 张伟
                    if len(name) == n and name in self.contacts:
                        entries = self.contacts[name]
                        return [NameHit("contact", name, tuple(i for i, _t, _a in entries), (start, start + n), True,
                                        tuple(f"{name}（{t or '联系人'}，{self.label('account', a) or ''}）"
                                              for _i, t, a in entries))]
        return []

    def _find(self, question: str) -> list[NameHit]:
        hits = self._accounts(question)
        hits += self._reps(question)
        for city in self.cities | self.provinces:
            kind = "province" if city in self.provinces else "city"
            start = question.find(city)
            if start >= 0 and len(city) >= 2:
                end = start + len(city)
                if city in self.cities and city in self.provinces and city not in MUNICIPALITIES:
                    # 吉林: the city (吉林市) or the province (吉林省); 上海 is both at once
                    said = question[end:end + 1]
                    kind = {"市": "city", "省": "province"}.get(said, "city_or_province")
                    end += said in ("市", "省")
                hits.append(NameHit(kind, city, (), (start, end), True))
            elif city in PLACE_EN and (m := compiled(re.escape(PLACE_EN[city]), True).search(question)):
                end = m.end()
                named = re.match(r" (city|province)\b", question[end:])
                if city in self.cities and city in self.provinces and city not in MUNICIPALITIES:
                    # "Jilin" alone is asked back as 吉林 is; "Jilin city", "Jilin province" say which
                    kind = named.group(1) if named else "city_or_province"
                    end += named.end() if named else 0
                elif named and named.group(1) == kind:  # "Jiangxi province", "Chengdu city"
                    end += named.end()
                hits.append(NameHit(kind, city, (), (m.start(), end), True))
        hits += self._products(question)
        for team, tid in self.teams.items():
            start = question.find(team.lower())
            if start >= 0:
                hits.append(NameHit("team", team, (tid,), (start, start + len(team)), True))
        hits += self._teams_by_manager(question)
        for line in self.product_lines:
            start = question.find(line)
            if start >= 0:
                hits.append(NameHit("product_line", line, (), (start, start + len(line)), True))
        for pattern, line in self.line_words:
            if m := pattern.search(question):
                hits.append(NameHit("product_line", line, (), m.span(), True))
        for m in CONTRACT_NO.finditer(question):  # "HT202601-000392": a contract by its number
            cid = self.contracts.get(m.group(0))
            hits.append(NameHit("contract", m.group(0).upper(), (cid,) if cid is not None else (), m.span(), True))
        for pattern, dimension, values in self.contact_words:
            if m := pattern.search(question):
                hits.append(NameHit(dimension, values[0], (), m.span(), True, values))
        for group, words in LINE_GROUPS.items():  # "医疗产品": every line of the group the catalogue has
            present = tuple(line for line in group if line in self.product_lines)
            for w in words if present else ():
                start = question.find(w)
                if start >= 0 and not question.startswith("索", start + len(w)):  # 医疗线索: leads, not a line
                    # "医疗产品": the lines are 医疗; 产品 stays for the records asked about (products, not deals)
                    said = re.sub(r"(产品|\s*products?)$", "", w)
                    hits.append(NameHit("product_line", present[0], (), (start, start + len(said)), True, present))
                    break
        return _non_overlapping(hits)

    def _products(self, q: str) -> list[NameHit]:
        """Products by name, model code, SKU or a term of their name ("彩超X5", "the C300 analyzer"). A term that
        several products share is one hit with all their ids, unless a word of one product stands beside it."""
        names = {pid: name for name, pid in self.products.items()}
        # a word with no products ("monitor") names none by itself; it only extends a product's name beside it
        found = [(m.span(), w.ids) for w in self.product_words for m in w.pattern.finditer(q)]
        hits = []
        for span, ids in found:
            if not ids:
                continue
            if len(ids) == 1:  # grow over the product's own words beside it: "portable ultrasound p2"
                start, end = span
                for other, other_ids in sorted(found, key=lambda f: f[0][0]):  # beside it or overlapping it
                    if (ids[0] in other_ids or not other_ids) and other[1] > end and not q[end:other[0]].strip(" -"):
                        end = other[1]
                for other, other_ids in sorted(found, key=lambda f: -f[0][1]):
                    if (ids[0] in other_ids or not other_ids) and other[0] < start \
                            and not q[other[1]:start].strip(" -"):
                        start = other[0]
                hits.append(NameHit("product", names[ids[0]], ids, (start, end), True))
            elif line := self._whole_line(ids):  # "试剂盒", "reagent kits": every product of one line
                hits.append(NameHit("product_line", line, (), span, True))
            else:
                hits.append(NameHit("product", q[span[0]:span[1]], ids, span, True,
                                    tuple(names[i] for i in ids)))
        return hits

    def _whole_line(self, ids: tuple[int, ...]) -> str | None:
        lines = {line for line, members in self.line_products.items() if set(ids) == set(members)}
        return lines.pop() if len(lines) == 1 else None

    def _reps(self, q: str) -> list[NameHit]:
        # each substring of a name's length looked up, rather than every rep's name searched for (633 on large)
        found: dict[str, int] = {}
        for n in self._rep_lengths():
            for start in range(len(q) - n + 1):
                if q[start:start + n] in self.reps:
                    found.setdefault(q[start:start + n], start)
        hits = [NameHit("rep", name, tuple(i for i, _ in entries), (found[name], found[name] + len(name)), True,
                        tuple(d for _, d in entries)) for name, entries in self.reps.items() if name in found]
        if re.search(r"[a-z]", q):  # "Zhiqiang Tang" / "Tang Zhiqiang" in English questions
            for key, people in self.rep_pinyin.items():
                if key in q and (m := compiled(key, True).search(q)):
                    hits.append(NameHit("rep", people[0][1], tuple(i for i, _n, _d in people), m.span(), True,
                                        tuple(d for _i, _n, d in people)))
        if hits:
            return hits
        # One wrong character, same surname: 张玮 -> 张伟. Only when exactly one name fits.
        near: list[NameHit] = []
        chars = set(q)
        for name, entries in self.reps.items():
            if name[0] not in chars:
                continue
            n = len(name)
            if n == 2:
                near += self._near_two(q, name, entries)
                continue
            if name == "系统管理员":
                continue
            for m in re.finditer(re.escape(name[0]), q):
                cand = q[m.start(): m.start() + n]
                if len(cand) == n and sum(a != b for a, b in zip(cand, name, strict=True)) == 1 and \
                        all("\u4e00" <= ch <= "\u9fff" for ch in cand):
                    near.append(NameHit("rep", name, tuple(i for i, _ in entries), (m.start(), m.start() + n),
                                        False, tuple(d for _, d in entries)))
        spans = {h.span for h in near}
        return near if len(spans) == len(near) else []

    def _near_two(self, q: str, name: str, entries: list[tuple[int, str]]) -> list[NameHit]:
        """A two-character name with its given name mistyped (郑茜 -> 郑倩), only where the two characters stand
        alone as a name: between non-Chinese text or particles, the second one not a title or a common word
        character (王总, 马上, 高于), and no other two-character name with that surname."""
        if self._two_char_surnames().get(name[0], 0) > 1:
            return []  # another two-character name with this surname: a typo could be either
        hits = []
        start = q.find(name[0])
        while 0 <= start < len(q) - 1:  # plain string search: a pattern per surname would crowd re's cache
            given, before, after = q[start + 1], q[start - 1: start], q[start + 2: start + 3]
            if "\u4e00" <= given <= "\u9fff" and given != name[1] and given not in NOT_GIVEN \
                    and _name_edge(before, NAME_BEFORE) and _name_edge(after, NAME_AFTER) \
                    and not self._place_word(q[start: start + 2]):
                hits.append(NameHit("rep", name, tuple(i for i, _ in entries), (start, start + 2), False,
                                    tuple(d for _, d in entries)))
            start = q.find(name[0], start + 1)
        return hits

    def _rep_lengths(self) -> tuple[int, ...]:
        """The lengths rep names have (2-4 characters, and 系统管理员), counted once per index."""
        if not self._lengths:
            self._lengths.extend(sorted({len(name) for name in self.reps}))
        return tuple(self._lengths)

    def _two_char_surnames(self) -> dict[str, int]:
        """How many two-character rep names each surname has; counted once per index."""
        if not self._surnames:
            for r in self.reps:
                if len(r) == 2:
                    self._surnames[r[0]] = self._surnames.get(r[0], 0) + 1
        return self._surnames

    def _place_word(self, word: str) -> bool:
        """Part of a city, province, team or product line name (郑州, 华中2组): not a mistyped person."""
        return any(word in place for place in (*self.cities, *self.provinces, *self.teams, *self.product_lines))

    def _accounts(self, q: str) -> list[NameHit]:
        exact = self._exact_accounts(q)
        if exact and all(q[h.span[0]:h.span[1]] == h.name for h in exact):
            return exact
        if exact:  # a short form ("保定鼎盛供应"): the whole name may follow, mistyped ("保定鼎盛供应连有限公司")
            near = self._near_accounts(q)
            longer = {h.name: h for h in near if any(h.name == e.name and h.span[1] > e.span[1] for e in exact)}
            return [longer.get(e.name, e) for e in exact]
        return self._near_accounts(q)

    def _near_accounts(self, q: str) -> list[NameHit]:
        grams = _bigrams(q)
        # Near matches: candidates share a rare bigram with the question (common ones such as 医院 or 公司 name
        # tens of thousands of accounts and tell nothing); then nearly all of a candidate's bigrams must be there.
        # each candidate's rare bigrams found, and how many common ones the question has: together a bound on what
        # it shares, which rules out most candidates before their own bigrams are looked at (large databases)
        rare_hits: dict[str, int] = {}
        common = 0
        for bg in grams:
            names = self.bigrams.get(bg, ())
            if len(names) > RARE_BIGRAM:
                common += 1
                continue
            for name in names:
                rare_hits[name] = rare_hits.get(name, 0) + 1
        hits = []
        for name, found in rare_hits.items():
            if len(name) < 6:
                continue
            own = self._name_bigrams(name)
            if found + common < len(own) - 2 or len(own & grams) < len(own) - 2:
                continue
            al = fuzz.partial_ratio_alignment(name, q)
            # one wrong character in a 7-character name scores 86: count edits on the aligned text instead
            # (edits, length): the typed length closest to the name; a tie keeps the name's own length
            edits, typed = min(((Levenshtein.distance(name, q[al.dest_start:al.dest_start + n]), abs(n - len(name)), n)
                                for n in (len(name) - 1, len(name), len(name) + 1)), default=(9, 0, 0))[::2] \
                if al is not None else (9, 0)
            if al is not None and (al.score >= 88 or edits <= 1):
                # the alignment may stop short of a wrong last character: cover what was typed for the name, but
                # not the next word when a character was left out ("湖南肿瘤医院未收" is 湖南省肿瘤医院, then 未收)
                end = min(len(q), max(al.dest_end, al.dest_start + typed))
                if "的" in q[al.dest_start:end] and "的" not in name:
                    continue  # "吉林省的医院" is the province's hospitals, not a slip for 吉林省中医院
                hits.append(NameHit("account", name, tuple(self.accounts[name]), (al.dest_start, end), False))
        if len(hits) > 1:  # two accounts equally close to what was typed: ask, do not pick one
            ids = tuple(i for h in hits for i in h.ids)
            span = (min(h.span[0] for h in hits), max(h.span[1] for h in hits))
            return [NameHit("account", hits[0].name, ids, span, False, tuple(sorted(h.name for h in hits)))]
        return hits

    def _name_bigrams(self, name: str) -> frozenset[str]:
        """An account name's bigrams, computed once per name."""
        grams = self._grams.get(name)
        if grams is None:
            grams = self._grams[name] = frozenset(_bigrams(name))
        return grams

    def _exact_accounts(self, q: str) -> list[NameHit]:
        """Every substring of the question that is an account name, or a company's name without its legal form
        ("上海博远商贸" for 上海博远商贸有限公司): a few thousand dictionary look-ups."""
        hits: list[NameHit] = []
        for i in range(len(q)):
            # the longest name starting here: "银川华润医疗科技有限公司", not its short form "银川华润"
            for j in range(min(len(q), i + self.name_lengths[1]), i + self.name_lengths[0] - 1, -1):
                name = q[i:j] if q[i:j] in self.accounts else self.short_accounts.get(q[i:j])
                if name is not None:
                    if not any(h.span[0] <= i and j <= h.span[1] for h in hits):
                        hits.append(NameHit("account", name, tuple(self.accounts[name]), (i, j), True))
                    break
        return hits


RARE_BIGRAM = 2000
HOSPITAL = re.compile(r"(医院|卫生院|诊所|卫生服务中心)$")
LEGAL_FORM = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|公司)$")


# Around a mistyped two-character name: what may stand before and after it, and given-name characters that are
# more likely a title or another word (王总, 李工, 马上, 高于).
NAME_BEFORE = "的和跟与及、把给让找问看是"
NAME_AFTER = "的今本上这那名手负跟在赢签拜有和与、做去最带组团一共"
NOT_GIVEN = set("总经主任院长工姐哥老的和跟在是有了今本上下这那们所部门组区市省年月周天单子家个位于端些样时候么多少先后来"
                "去到中内外也都还就额度价格款项目")


def _name_edge(ch: str, allowed: str) -> bool:
    return ch == "" or not "\u4e00" <= ch <= "\u9fff" or ch in allowed


def _short_names(accounts: dict[str, list[int]], cities: dict[str, str]) -> dict[str, str]:
    """How people shorten a company's name: without its legal form ("上海博远商贸"), or its city and brand with or
    without two more characters ("银川华润", "青岛汇通医药" for 青岛汇通医药贸易有限公司). A short form counts only when
    exactly one account's name starts with it and it is no account's full name."""
    found: dict[str, set[str]] = defaultdict(set)
    for name in accounts:
        short = LEGAL_FORM.sub("", name)
        if short != name and len(short) >= 4:
            found[short].add(name)
        city = cities.get(name, "")
        if not city or not short.startswith(city):
            continue
        for end in (len(city) + 2, len(city) + 3, len(city) + 4):
            if end < len(short) and (short != name or end > len(city) + 2 or not HOSPITAL.search(name)):
                found[short[:end]].add(name)
        # "明德电器商城" for 呼和浩特明德电器商城: the brand and what follows, never a hospital's kind alone
        own = short[len(city):].lstrip("市省")
        if len(own) >= 4 and not HOSPITAL.search(name):
            found[own].add(name)
    lengths = {len(short) for short in found}
    for name in accounts:  # a hospital or a store may start the same way: then the short form names two
        for n in lengths:
            if name[:n] in found:
                found[name[:n]].add(name)
    return {short: next(iter(names)) for short, names in found.items() if len(names) == 1 and short not in accounts}


def _pinyin_keys(email: str | None) -> list[str]:
    """A rep's name in pinyin, both orders, from the mail address the CRM gives them (given.family@...)."""
    parts = [re.sub(r"\d+$", "", p) for p in (email or "").split("@")[0].lower().split(".")]
    if len(parts) != 2 or not all(p.isalpha() and p.isascii() and len(p) >= 2 for p in parts):
        return []
    return [f"{parts[0]} {parts[1]}", f"{parts[1]} {parts[0]}"]


@dataclass(frozen=True)
class ProductWord:
    pattern: re.Pattern[str]
    ids: tuple[int, ...]  # the products it may mean


def _product_words(catalogue: list[tuple[int, str, str]]) -> tuple[ProductWord, ...]:
    """Each way of naming products, longest first, with the products it names."""
    named: dict[str, set[int]] = defaultdict(set)
    for pid, name, sku in catalogue:
        for alias in (*_product_aliases(name), sku.lower(), sku.lower().replace("-", " ")):
            named[alias].add(pid)
        for term, said in TERMS.items():
            if term in name.lower():
                for word in said:
                    named[word].add(pid)
    out = [ProductWord(_word_pattern(w), tuple(sorted(ids))) for w, ids in named.items()]
    out += [ProductWord(_word_pattern(w), ()) for w in BESIDE if w not in named]
    return tuple(sorted(out, key=lambda w: -len(w.pattern.pattern)))


# What a contract number looks like (letters, digits, a dash): looked up exactly, never fuzzily.
CONTRACT_NO = re.compile(r"(?<![a-z0-9])[a-z]{1,4}\d{4,8}-\d{3,8}(?![a-z0-9])")

# Account types and industries are said the same way as some departments ("门店", "实验室"): those words keep
# meaning the accounts, and such a department is named only in full ("门店的店长" is a title).
ACCOUNT_WORDS = {w.lower() for table in (labels.ACCOUNT_TYPE, labels.INDUSTRY) for zh, en, more in table.values()
                 for w in (zh, en, *more)}


def _contact_words(titles: set[str], departments: set[str]
                   ) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    """Titles and departments as stored, with the other words for them (`sql.contactwords`), longest first."""
    words: dict[str, tuple[str, tuple[str, ...]]] = {}
    for dimension, stored, table in (("title", titles, TITLES), ("department", departments, DEPARTMENTS)):
        for value in sorted(stored):
            for w in (value, *table.get(value, ())):
                if w.lower() not in ACCOUNT_WORDS and len(w) >= 2:
                    words.setdefault(w.lower(), (dimension, (value,)))
    for group, said in DEPARTMENT_GROUPS.items():
        present = tuple(d for d in group if d in departments)
        for w in said if present else ():
            words.setdefault(w.lower(), ("department", present))
    return tuple((_word_pattern(w), dim, values) for w, (dim, values) in sorted(words.items(), key=lambda i: -len(i[0])))


def _word_pattern(word: str) -> re.Pattern[str]:
    """English words whole, with a plural and with a space, a hyphen or nothing between words."""
    body = r"[ -]?".join(re.escape(part) for part in re.split(r"[ -]", word))
    if re.search(r"[a-z]$", word):
        body += r"(?:s|es)?"
    elif re.fullmatch(r"[a-z]+-?\d+", word):
        body += r"(?:s|'s)?"  # "how many A100s"
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])" if re.match(r"[a-z0-9]", word) else body)


def _product_aliases(name: str) -> list[str]:
    """全自动生化分析仪 A100 -> itself, 全自动生化分析仪, a100 (model codes of two or more characters)."""
    lower = name.lower()
    out = [lower, *([lower.replace(" ", "")] if " " in lower else [])]  # "彩色多普勒超声诊断系统X5" typed without a space
    head = re.split(r"\s|\(", lower)[0]
    if head != lower and len(head) >= 3:
        out.append(head)
    out += [t for t in re.findall(r"[a-z]+\d+[a-z\d]*", lower) if len(t) >= 2]
    return out


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1) if not s[i:i + 2].isspace()}


CONTACT_WORD = r"联系人|\bcontacts?\b"
CONTACT_AFTER_WORD = re.compile(r"(联系人|\bcontact\b)\s*(named |called |叫)?(?P<n>[\u4e00-\u9fff]{2,3})")
CONTACT_BEFORE_WORD = re.compile(r"(?P<n>[\u4e00-\u9fff]{2,3})(?=(这个|这位|那个|那位)?联系人)")
CONTACT_OPENING = re.compile(r"^(?P<n>[\u4e00-\u9fff]{2,3})")
CONTACT_NAME_AT = (CONTACT_AFTER_WORD, CONTACT_BEFORE_WORD, CONTACT_OPENING)


def _non_overlapping(hits: list[NameHit]) -> list[NameHit]:
    """Longest first; a hit inside a longer one (南京 inside 南京市第一人民医院) is dropped."""
    hits.sort(key=lambda h: (-(h.span[1] - h.span[0]), h.span[0]))
    kept: list[NameHit] = []
    for h in hits:
        if all(h.span[1] <= k.span[0] or h.span[0] >= k.span[1] or (h.span == k.span and h.kind == k.kind == "account")
               for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.span[0])

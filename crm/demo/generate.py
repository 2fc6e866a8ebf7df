"""Deterministic demo CRM generator: a seed and a reference date in, rows for every table out.

All dates are relative to `today`, so "last week" always has data. Reps carry a profile (skill, follow-up
cadence, lead responsiveness, collection discipline) and regions a bias, so that rankings, funnels, silent
accounts, overdue receivables and slow lead responses differ by rep and region and questions such as
"who is falling behind" have real answers. The generator only produces tuples in table column order;
`crm.demo.load` writes them.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from crm.demo import vocab
from crm.demo.geo import PROVINCES, REGIONS
from crm.models import LOSS_REASONS, OPEN_STAGES


@dataclass(frozen=True)
class DemoSize:
    """How big a demo database is."""

    name: str
    teams_per_region: int
    reps_per_team: int
    accounts: int
    activities: int
    leads: int


SIZES: dict[str, DemoSize] = {
    "small": DemoSize("small", 1, 3, 300, 3_000, 300),
    "default": DemoSize("default", 2, 5, 2_000, 20_000, 2_500),
    "large": DemoSize("large", 10, 8, 100_000, 1_000_000, 60_000),
}

STAGE_PROBABILITY = {"initial_contact": 10, "needs_analysis": 25, "proposal": 45, "negotiation": 70,
                     "closed_won": 100, "closed_lost": 0}
INDUSTRY_MIX = (("medical", 0.35), ("fmcg", 0.25), ("manufacturing", 0.12), ("saas", 0.10),
                ("education", 0.08), ("retail", 0.10))
TYPE_MIX = {
    "medical": (("hospital", 0.70), ("lab", 0.15), ("distributor", 0.15)),
    "fmcg": (("store", 0.6), ("distributor", 0.4)),
    "manufacturing": (("enterprise", 1.0),),
    "saas": (("enterprise", 1.0),),
    "education": (("school", 1.0),),
    "retail": (("store", 1.0),),
}
GRADE_MIX = (("3A", 0.25), ("3B", 0.15), ("2A", 0.30), ("2B", 0.15), ("1", 0.15))
# Loss reasons differ by region so "why do we lose in X" has an answer.
LOSS_BIAS = {"east": "competitor", "south": "price", "north": "no_decision", "central": "no_budget",
             "southwest": "price", "northwest": "timing", "northeast": "relationship"}
ACTIVITY_TYPE_MIX = {
    "medical": (("visit", 0.40), ("call", 0.2), ("wechat", 0.2), ("meeting", 0.1), ("demo", 0.07), ("email", 0.03)),
    "default": (("call", 0.3), ("wechat", 0.25), ("visit", 0.2), ("email", 0.1), ("meeting", 0.1), ("demo", 0.05)),
}


# Tables whose timestamps are built from whole-second values already (the bulk of the rows; skipping them is faster).
WHOLE_SECOND_TABLES = frozenset({"activity", "contact"})


@dataclass
class Rep:
    id: int
    name: str
    region: str
    region_id: int
    team_id: int | None
    skill: float  # win probability at each stage gate scales with it
    cadence: float  # follow-ups per account and month
    response_hours: float  # median lead response time
    collection: float  # probability an installment is paid on time


@dataclass
class DemoData:
    """Rows per table, each row a tuple in the table's column order."""

    rows: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))


def _pick(rng: random.Random, mix: tuple[tuple[str, float], ...]) -> str:
    r = rng.random() * sum(w for _, w in mix)
    for value, weight in mix:
        r -= weight
        if r <= 0:
            return value
    return mix[-1][0]


class _Builder:
    def __init__(self, size: DemoSize, seed: int, today: date) -> None:
        self.size = size
        self.rng = random.Random(seed)
        self.today = today
        self.now = datetime.combine(today, time(0))  # events happen before the reference day starts
        self.data = DemoData()
        self.region_ids = {code: i + 1 for i, (code, *_rest) in enumerate(REGIONS)}
        self.reps: list[Rep] = []
        self.reps_by_region: dict[str, list[Rep]] = defaultdict(list)
        self.rep_by_id: dict[int, Rep] = {}
        self.used_names: set[str] = set()
        self.used_emails: set[str] = set()

    # -- helpers -------------------------------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        sur, sur_py = self.rng.choice(vocab.SURNAMES)
        giv, giv_py = self.rng.choice(vocab.GIVEN)
        return sur + giv, f"{giv_py}.{sur_py}"

    def email(self, pinyin: str) -> str:
        base, n = pinyin, 1
        while f"{base}{'' if n == 1 else n}@demo-sales.cn" in self.used_emails:
            n += 1
        addr = f"{base}{'' if n == 1 else n}@demo-sales.cn"
        self.used_emails.add(addr)
        return addr

    def ago(self, days_min: float, days_max: float) -> datetime:
        """A working-hours moment between days_min and days_max days before the reference day."""
        day = self.now - timedelta(days=self.rng.uniform(days_min, days_max))
        return day.replace(hour=self.rng.randint(8, 19), minute=self.rng.randint(0, 59), second=0, microsecond=0)

    def add(self, table: str, row: tuple) -> None:
        if table not in WHOLE_SECOND_TABLES:  # MySQL DATETIME keeps whole seconds: store the same everywhere
            row = tuple(v.replace(microsecond=0) if isinstance(v, datetime) else v for v in row)
        self.data.rows[table].append(row)

    # -- build steps ---------------------------------------------------------------------------------------
    def regions(self) -> None:
        for (code, zh, en, _w), rid in zip(REGIONS, range(1, 8), strict=True):
            self.add("region", (rid, code, zh, en))

    def staff(self) -> None:
        rng = self.rng
        next_id = 1
        # (id, name, email, role, team_id, region_id, manager_id, hired_on, is_active)
        fixed = (("director", "陈建国", "chen.jianguo"), ("admin", "系统管理员", "admin"), ("trainer", "林晓培", "lin.xiaopei"))
        for role, name, py in fixed:
            hired = self.today - timedelta(days=rng.randint(1500, 3000))
            self.add("sales_rep", (next_id, name, self.email(py), role, None, None, None if role == "director" else 1,
                                   hired, True))
            next_id += 1
        team_id = 0
        for code, zh, _en, _w in REGIONS:
            rid = self.region_ids[code]
            for t in range(self.size.teams_per_region):
                team_id += 1
                manager_id = next_id
                next_id += 1
                name, py = self.person()
                self.add("sales_rep", (manager_id, name, self.email(py), "manager", team_id, rid, 1,
                                       self.today - timedelta(days=rng.randint(900, 3600)), True))
                self.add("team", (team_id, f"{zh}{t + 1}组", rid, manager_id))
                region_bias = rng.uniform(-0.08, 0.08)
                for _ in range(self.size.reps_per_team):
                    name, py = self.person()
                    rep = self._rep_profile(next_id, name, code, rid, team_id, region_bias)
                    tenure = rng.choice((rng.randint(40, 360), rng.randint(360, 1500), rng.randint(1500, 3000)))
                    active = rng.random() > 0.04
                    self.add("sales_rep", (rep.id, name, self.email(py), "rep", team_id, rid, manager_id,
                                           self.today - timedelta(days=tenure), active))
                    next_id += 1
        self._twin_reps()

    def _rep_profile(self, rid: int, name: str, code: str, region_id: int, team_id: int, bias: float) -> Rep:
        rng = self.rng
        rep = Rep(rid, name, code, region_id, team_id,
                  skill=min(0.9, max(0.25, rng.gauss(0.55, 0.14) + bias)),
                  cadence=max(0.3, rng.gauss(2.2, 0.9)),
                  response_hours=rng.choice((0.5, 1.0, 2.0, 3.0, 6.0, 12.0)),
                  collection=min(0.97, max(0.45, rng.gauss(0.78, 0.12) + bias)))
        self.reps.append(rep)
        self.reps_by_region[code].append(rep)
        self.rep_by_id[rid] = rep
        return rep

    def _twin_reps(self) -> None:
        """Two reps share the name 张伟 (east and north), as in every real company: names must be disambiguated."""
        rows = self.data.rows["sales_rep"]
        for code in ("east", "north"):
            rep = self.reps_by_region[code][0]
            idx = next(i for i, r in enumerate(rows) if r[0] == rep.id)
            row = rows[idx]
            rows[idx] = (row[0], "张伟", self.email("wei.zhang"), *row[3:])
            rep.name = "张伟"

    def products(self) -> None:
        for i, (sku, name, line, price, cost, _ind) in enumerate(vocab.PRODUCTS, start=1):
            self.add("product", (i, sku, name, line, price, cost, sku != "INF-S1"))

    def accounts(self) -> list[tuple]:
        rng = self.rng
        region_mix = tuple((code, w) for code, _zh, _en, w in REGIONS)
        out = []
        forced = [code for code, *_ in REGIONS for _ in range(3)]  # every region gets 三甲 hospitals
        for aid in range(1, self.size.accounts + 1):
            grade: str | None
            if forced:
                code, industry, atype, grade = forced.pop(0), "medical", "hospital", "3A"
            else:
                code = _pick(rng, region_mix)
                industry = _pick(rng, INDUSTRY_MIX)
                atype = _pick(rng, TYPE_MIX[industry])
                grade = _pick(rng, GRADE_MIX) if atype == "hospital" else None
            province, cities = rng.choice(PROVINCES[code])
            city = rng.choice(cities)
            owner = rng.choice(self.reps_by_region[code])
            cls = "A" if grade == "3A" or rng.random() < 0.12 else ("B" if rng.random() < 0.4 else "C")
            status = "active" if rng.random() < 0.62 else ("prospect" if rng.random() < 0.75 else "churned")
            revenue = round(rng.lognormvariate(17.5 if cls == "A" else 16.2, 0.8), -4)
            name = self._account_name(industry, atype, grade, province, city)
            row = (aid, name, industry, atype, grade, cls, province, city, self.region_ids[code],
                   owner.id if rng.random() > 0.02 else None, status, revenue, self.ago(60, 1800))
            self.add("account", row)
            out.append(row)
        return out

    def _account_name(self, industry: str, atype: str, grade: str | None, province: str, city: str) -> str:
        rng = self.rng
        for attempt in range(40):
            if atype == "hospital":
                pattern = rng.choice(vocab.HOSPITAL_PATTERNS[grade or "2A"])
                name = pattern.format(province=province, city=city, district=rng.choice(vocab.DISTRICTS))
            else:
                suffix = rng.choice(vocab.SUFFIX_BY_TYPE[(industry, atype)])
                name = f"{city}{rng.choice(vocab.BRANDS)}{suffix}"
            if attempt > 20:
                name = f"{name}({rng.choice(vocab.DISTRICTS)}店)" if atype == "store" else f"{name}{attempt}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        name = f"{name}-{len(self.used_names)}"
        self.used_names.add(name)
        return name

    def contacts(self, accounts: list[tuple]) -> dict[int, list[int]]:
        rng = self.rng
        by_account: dict[int, list[int]] = defaultdict(list)
        cid = 0
        for acc in accounts:
            titles = vocab.TITLES[acc[3]]
            for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
                cid += 1
                name, py = self.person()
                title, dept, dm = rng.choice(titles)
                phone = f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}"
                self.add("contact", (cid, acc[0], name, title, dept, phone, f"{py}{cid}@example.cn", dm,
                                     acc[12] + timedelta(days=rng.randint(0, 60))))
                by_account[acc[0]].append(cid)
        return by_account

    def leads(self, accounts: list[tuple]) -> None:
        rng = self.rng
        sources = (("website", 0.25), ("trade_show", 0.15), ("phone", 0.15), ("referral", 0.15), ("wechat", 0.2),
                   ("ad", 0.1))
        acc_by_owner: dict[int, list[int]] = defaultdict(list)
        for acc in accounts:
            if acc[9] is not None:
                acc_by_owner[acc[9]].append(acc[0])
        for lid in range(1, self.size.leads + 1):
            code = _pick(rng, tuple((c, w) for c, _z, _e, w in REGIONS))
            created = self.ago(0, 120)
            industry = _pick(rng, INDUSTRY_MIX)
            owner = rng.choice(self.reps_by_region[code]) if rng.random() > 0.08 else None
            assigned = first = None
            status, converted = "new", None
            if owner is not None:
                assigned = created + timedelta(minutes=rng.randint(2, 90))
                delay = rng.lognormvariate(0, 0.9) * owner.response_hours
                first = assigned + timedelta(hours=delay)
                status = "assigned"
                if first >= self.now:
                    first = None
                else:
                    status = _pick(rng, (("contacted", 0.35), ("qualified", 0.25), ("converted", 0.15),
                                         ("disqualified", 0.25)))
                    if status == "converted" and acc_by_owner.get(owner.id):
                        converted = rng.choice(acc_by_owner[owner.id])
                    elif status == "converted":
                        status = "qualified"
            contact, _py = self.person()
            company = f"{rng.choice(PROVINCES[code])[1][0]}{rng.choice(vocab.BRANDS)}" \
                      f"{rng.choice(vocab.SUFFIX_BY_TYPE[next(k for k in vocab.SUFFIX_BY_TYPE if k[0] == industry)])}"
            budget = round(rng.lognormvariate(12.5, 1.1), -3) if rng.random() > 0.3 else None
            phone = f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}"
            self.add("lead", (lid, company, contact, phone, _pick(rng, sources), industry, self.region_ids[code],
                              budget, status, owner.id if owner else None, created, assigned, first, converted))

    def opportunities(self, accounts: list[tuple]) -> list[tuple]:
        """Simulate each deal through the funnel; returns (opp_id, account_id, owner_id, created, closed_at, stage)."""
        rng = self.rng
        products_by_industry: dict[str, list[int]] = defaultdict(list)
        for pid, p in enumerate(vocab.PRODUCTS, start=1):
            for ind in p[5]:
                products_by_industry[ind].append(pid)
        opps = []
        oid = hist = line = quote = 0
        for acc in accounts:
            owner_id = acc[9]
            if owner_id is None:
                continue
            rep = self.rep_by_id[owner_id]
            k = {"active": (1, 1, 2, 2, 3), "prospect": (0, 1, 1), "churned": (0, 0, 1)}[acc[10]]
            for _ in range(rng.choice(k)):
                oid += 1
                # Recent deals are still open; older ones have mostly closed.
                created = self.ago(3, 420) if rng.random() < 0.55 else self.ago(3, 100)
                stage, t, path = "initial_contact", created, [("initial_contact", created)]
                closed_at = None
                for nxt in ("needs_analysis", "proposal", "negotiation"):
                    t = t + timedelta(days=rng.uniform(6, 45) / (0.6 + rep.skill), hours=rng.uniform(0, 8))
                    if t >= self.now:
                        break
                    if rng.random() > 0.55 + 0.45 * rep.skill:  # dropped at this gate
                        stage = "closed_lost"
                        path.append((stage, t))
                        closed_at = t
                        break
                    stage = nxt
                    path.append((stage, t))
                if stage == "negotiation":
                    t2 = t + timedelta(days=rng.uniform(5, 40))
                    if t2 < self.now:
                        stage = "closed_won" if rng.random() < 0.35 + 0.6 * rep.skill else "closed_lost"
                        path.append((stage, t2))
                        closed_at = t2
                loss = None
                if stage == "closed_lost":
                    region = acc[8]
                    bias = LOSS_BIAS[REGIONS[region - 1][0]]
                    loss = bias if rng.random() < 0.4 else rng.choice(LOSS_REASONS)
                amount = 0.0
                lines = []
                for pid in rng.sample(products_by_industry[acc[2]], k=min(len(products_by_industry[acc[2]]),
                                                                          rng.choice((1, 1, 2, 3)))):
                    price = vocab.PRODUCTS[pid - 1][3]
                    qty = rng.randint(1, 3) if price > 50_000 else rng.choice((50, 100, 200, 500, 1000))
                    disc = rng.choice((0, 0, 5, 8, 10, 12, 15, 20))
                    amount += qty * price * (1 - disc / 100)
                    lines.append((pid, qty, price, disc))
                amount = float(round(amount, -2))
                prod_name = vocab.PRODUCTS[lines[0][0] - 1][1]
                expected = (closed_at or (self.now + timedelta(days=rng.randint(5, 120)))).date()
                self.add("opportunity", (
                    oid, f"{acc[1]}-{prod_name}", acc[0], owner_id, stage, amount, STAGE_PROBABILITY[stage],
                    expected, created, path[-1][1], closed_at, loss, None,
                    stage in ("proposal", "negotiation", "closed_won") and rng.random() < 0.8,
                    rng.random() < 0.5, acc[2] == "medical" and rng.random() < 0.4))
                prev = None
                for s, at in path:
                    hist += 1
                    self.add("opportunity_stage_history", (hist, oid, prev, s, at, owner_id))
                    prev = s
                for pid, qty, price, disc in lines:
                    line += 1
                    self.add("opportunity_line", (line, oid, pid, qty, price, disc))
                if any(s == "proposal" for s, _ in path):
                    at = next(a for s, a in path if s == "proposal")
                    for v in range(1, rng.choice((1, 2, 3)) + 1):
                        quote += 1
                        status = "accepted" if stage == "closed_won" else ("sent" if stage in OPEN_STAGES else "rejected")
                        self.add("quote", (quote, oid, v, round(amount * (1.1 - 0.05 * v), -2), status,
                                           min(at + timedelta(days=3 * v), self.now - timedelta(hours=1))))
                opps.append((oid, acc[0], owner_id, created, closed_at, stage, amount))
        return opps

    def contracts(self, accounts: list[tuple], opps: list[tuple]) -> None:
        rng = self.rng
        cid = pid = 0
        for oid, account_id, owner_id, _created, closed_at, stage, amount in opps:
            if stage != "closed_won":
                continue
            cid += 1
            rep = self.rep_by_id[owner_id]
            terms = rng.choice((30, 60, 90, 90, 180))
            signed = closed_at + timedelta(days=rng.randint(0, 5))
            if signed >= self.now:
                signed = closed_at
            n = rng.choice((1, 2, 3))
            parts = [round(amount / n, 2)] * n
            parts[-1] = round(amount - sum(parts[:-1]), 2)
            all_paid = True
            for k, part in enumerate(parts, start=1):
                pid += 1
                due = (signed + timedelta(days=terms * k)).date()
                if due >= self.today:
                    paid, paid_at, status = 0.0, None, "pending"
                    if rng.random() < 0.15:  # an early payment
                        paid, paid_at, status = part, signed + timedelta(days=rng.randint(1, 20)), "paid"
                        paid_at = min(paid_at, self.now - timedelta(hours=2))
                elif rng.random() < rep.collection:
                    paid, status = part, "paid"
                    paid_at = datetime.combine(due, time(10)) + timedelta(days=rng.randint(-10, 12))
                    paid_at = min(paid_at, self.now - timedelta(hours=2))
                elif rng.random() < 0.3:
                    paid, paid_at, status = round(part * rng.choice((0.3, 0.5)), 2), self.ago(0, 20), "partial"
                else:
                    paid, paid_at, status = 0.0, None, "overdue"
                all_paid = all_paid and status == "paid"
                self.add("payment", (pid, cid, k, due, part, paid, paid_at, status))
            self.add("contract", (cid, f"HT{signed:%Y%m}-{cid:06d}", account_id, oid, owner_id, amount, signed,
                                  terms, "completed" if all_paid else "active", signed - timedelta(days=2)))

    def activities(self, accounts: list[tuple], contacts: dict[int, list[int]], opps: list[tuple]) -> None:
        rng = self.rng
        open_opps: dict[int, list[tuple]] = defaultdict(list)
        for o in opps:
            open_opps[o[1]].append(o)
        owned = [a for a in accounts if a[9] is not None]
        weights = []
        for a in owned:
            rep = self.rep_by_id[a[9]]
            w = rep.cadence * {"A": 2.5, "B": 1.4, "C": 0.8}[a[5]] * {"active": 1.5, "prospect": 0.8, "churned": 0.15}[a[10]]
            weights.append(w)
        scale = self.size.activities / sum(weights)
        aid = 0
        summaries = vocab.ACTIVITY_SUMMARIES
        for acc, w in zip(owned, weights, strict=True):
            if aid >= self.size.activities:
                break
            n = min(int(w * scale + rng.random()), self.size.activities - aid)
            if n == 0:
                continue
            # A silent account stops being followed up some time ago; the rest are followed up to recently.
            rep = self.rep_by_id[acc[9]]
            silent = rng.random() < 0.35 - 0.1 * min(rep.cadence, 2.5)
            latest = rng.uniform(8, 120) if silent else rng.uniform(0, 6)
            mix = ACTIVITY_TYPE_MIX["medical" if acc[2] == "medical" else "default"]
            acc_opps = open_opps.get(acc[0], [])
            acc_contacts = contacts.get(acc[0], [])
            for _ in range(n):
                aid += 1
                occurred = self.ago(latest, latest + 365) if rng.random() > 0.5 else self.ago(latest, latest + 60)
                kind = _pick(rng, mix)
                opp = rng.choice(acc_opps) if acc_opps and rng.random() < 0.6 else None
                if opp is not None and (occurred < opp[3] or (opp[4] is not None and occurred > opp[4])):
                    opp = None  # only link a follow-up to a deal that was open at the time
                product = vocab.PRODUCTS[rng.randrange(len(vocab.PRODUCTS))][1]
                summary = rng.choice(summaries[kind]).format(
                    title="客户", product=product, competitor=rng.choice(vocab.COMPETITORS))
                duration = {"visit": 60, "meeting": 90, "demo": 120, "call": 15, "wechat": 5, "email": 10}[kind]
                self.add("activity", (aid, acc[0], opp[0] if opp else None,
                                      rng.choice(acc_contacts) if acc_contacts and rng.random() < 0.8 else None,
                                      acc[9] if rng.random() > 0.05 else rng.choice(self.reps_by_region[
                                          REGIONS[acc[8] - 1][0]]).id,
                                      kind, occurred, max(1, int(rng.gauss(duration, duration / 3))), summary,
                                      rng.random() < 0.85))


def generate(size: DemoSize, seed: int, today: date) -> DemoData:
    """Build every table's rows for `size`, deterministically from `seed` and `today`."""
    b = _Builder(size, seed, today)
    b.regions()
    b.staff()
    b.products()
    accounts = b.accounts()
    contacts = b.contacts(accounts)
    b.leads(accounts)
    opps = b.opportunities(accounts)
    b.contracts(accounts, opps)
    b.activities(accounts, contacts, opps)
    b.add("audit_log", (1, b.now - timedelta(minutes=1), 2, "demo.build", "database", None,
                        f"size={size.name} seed={seed} today={today.isoformat()}"))
    for key, value in (("demo_seed", str(seed)), ("demo_size", size.name), ("demo_today", today.isoformat()),
                       ("reference_date", today.isoformat())):
        b.add("app_meta", (key, value))
    return b.data

"""Resolving names in import files to database ids: regions, owners (name or email), accounts, deals, contacts.

Lookups are loaded once per import. A name that matches two records is an error, not a guess.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.models import Account, Contact, Opportunity, Region, SalesRep


class Ambiguous(Exception):
    """More than one record has this name."""


class Resolver:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.regions: dict[str, int] = {}
        for r in session.scalars(select(Region)):
            for key in (r.code, r.name_zh, r.name_en, r.name_zh + "区", r.name_zh + "地区"):
                self.regions[key.lower()] = r.id
        self.reps_by_email: dict[str, int] = {}
        self.reps_by_name: dict[str, list[int]] = defaultdict(list)
        for rep in session.scalars(select(SalesRep)):
            self.reps_by_email[rep.email.lower()] = rep.id
            self.reps_by_name[rep.name].append(rep.id)
        self._accounts: dict[str, list[int]] | None = None
        self._opps: dict[str, list[int]] | None = None

    def region(self, text: str) -> int | None:
        return self.regions.get(text.strip().lower())

    def owner(self, text: str) -> int | None:
        t = text.strip()
        if "@" in t:
            return self.reps_by_email.get(t.lower())
        ids = self.reps_by_name.get(t, [])
        if len(ids) > 1:
            raise Ambiguous(t)
        return ids[0] if ids else None

    def account(self, text: str) -> int | None:
        if self._accounts is None:
            self._accounts = defaultdict(list)
            for aid, name in self.session.execute(select(Account.id, Account.name)):
                self._accounts[name].append(aid)
        return _one(self._accounts.get(text.strip(), []), text)

    def account_exists(self, name: str) -> bool:
        return self.account(name) is not None if name.strip() else False

    def opportunity(self, text: str, account_id: int | None) -> int | None:
        if self._opps is None:
            self._opps = defaultdict(list)
            for oid, name, acc in self.session.execute(select(Opportunity.id, Opportunity.name, Opportunity.account_id)):
                self._opps[name].append(oid)
                self._opps[f"{acc}\x00{name}"].append(oid)
        key = f"{account_id}\x00{text.strip()}" if account_id else text.strip()
        return _one(self._opps.get(key, []), text)

    def contact(self, text: str, account_id: int | None) -> int | None:
        q = select(Contact.id).where(Contact.name == text.strip())
        if account_id:
            q = q.where(Contact.account_id == account_id)
        return _one(list(self.session.scalars(q)), text)


def _one(ids: list[int], text: str) -> int | None:
    if len(ids) > 1:
        raise Ambiguous(text)
    return ids[0] if ids else None

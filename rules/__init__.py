"""Rule engine and rule packs (lead routing, SLA escalation, stale deals, receivables, approvals)."""

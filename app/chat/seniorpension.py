"""Questions only about seniorpension: what the decision is based on, the latest job or any job,
who decides, the municipality's papers, cases from the years the municipality decided, and the
years of work it asks for. Pure: patterns and the answers they point to; `app/chat/intents.py`
decides when each applies."""

from __future__ import annotations

import re

# What the Seniorpension unit weighs when it decides.
DECISION_BASIS = re.compile(
    r"l(?:æ|ae)gge[r]? (?:\w+ ){0,3}(?:vægt|vaegt) p(?:å|a)|hvad (?:indgår|indgaar|tæller|bygger)|\bweigh|"
    r"take into account|based on|look at when|l(?:æ|ae)geattest|l(?:æ|ae)geerkl(?:æ|ae)ring|"
    r"til (?:min )?l(?:æ|ae)ge|medical certificate|doctor'?s (?:note|certificate|statement)|"
    r"see (?:a|my) doctor|\berkl(?:æ|ae)ring|\battest\b|pay (?:for )?(?:the |a |my )?doctor|"
    r"hvad skal (?:der )?(?:ligge|være|vaere) i sagen|sagen mangler|what must (?:the|my) case contain"
)
DECISION_BASIS_ANSWER = "seniorpension-beslutningsgrundlag"
# Whether Seniorpension looks at one's last job or at any job (and that it tests no work capacity).
LAST_JOB = re.compile(
    r"(?:seneste|sidste|last|latest|previous|former) (?:job|arbejde|work|one)|any (?:other )?job|"
    r"ethvert (?:andet )?job|alle (?:slags )?job|(?:et )?andet (?:job|arbejde)|i stedet|another job|"
    r"other work|instead|kontorjob|office job|(?:måle|maale|vurdere|sammenligne) mig (?:op )?(?:mod|med)|"
    r"compare me (?:with|to|against)|reception|skrivebordsjob|desk job|lettere (?:job|arbejde)|"
    r"lighter work|judge (?:me|him|her) (?:against|by)|(?:vurdere|måle|maale) "
    r"(?:mig|ham|hende) (?:ud fra|efter|mod)|hvilke[nt]? (?:af )?(?:de |disse )?job"
)
LAST_JOB_ANSWER = "seniorpension-arbejdsevne"
# Who decides: for seniorpension, the answer that says what it is and who decides.
WHO_DECIDES = re.compile(
    r"hvem (?:bestemmer|afgør|afgoer|træffer|traeffer)|who (?:actually )?decides|who makes the decision"
)
# Seniorpension waiting for the municipality's papers: the answer on what the municipality does.
MUNICIPALITY_PAPERS = re.compile(
    r"(?:kommune\w*|municipality|council) .{0,60}(?:oplysninger|papirer|sende|sendt|sent|send|"
    r"information|documents)|(?:oplysninger|papirer|information|documents) .{0,40}"
    r"(?:fra|from) (?:kommune|the municipality|the kommune|my municipality)"
)
MUNICIPALITY_ANSWER = "seniorpension-kommunens-rolle"
# A seniorpension case from before the unit took over (the years the municipality decided).
EARLY_SENIORPENSION_YEAR = re.compile(r"\b202[0-5]\b")
TRANSITION_ANSWER = "seniorpension-overgangsregler"
# How many years of work seniorpension asks for: the answer on the employment requirement.
YEARS_WORKED = re.compile(
    r"hvor mange (?:år|aar|ar) .{0,40}(?:arbejdet|arbejde|beskæftig)|how many years .{0,40}work"
)
EMPLOYMENT_REQUIREMENT_ANSWER = "beskaeftigelseskrav"

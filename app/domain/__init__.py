"""The law and the rules, pure: the figures and tables with their §, the eligibility rules, the questionnaire's flow, sealed result links. No Flask, no clock, no translated text."""

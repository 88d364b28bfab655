"""Speakers (Q6): who a cue belongs to, nominal and pronoun mentions, and pronoun resolution.

A speaker is the mention next to the cue ("Trump said", "said Trump", "According to him"); a role
or body nominal ("the minister", "the committee") refers to the nearest fitting name before it; a
pronoun is resolved to the nearest previous speaker or person whose gender does not contradict it.

One module per question, each importing only those listed before it:
`words` (the words around a name every rule reads), `body_nominals` and `nominals` (role and body
nominals, `with_nominals`), `unnamed` and `groups` (subjects that name nobody, Q9),
`candidates` (which mentions can speak), `before_verb` and `after_verb` (the subject on either
side of a reporting verb), `cue_subjects` (who a cue belongs to), `colons` (a colon and a
document's issuer), `antecedents` (which sentence a he or she goes back to), `uncued` (quotations
with no cue) and `pronouns` (pronoun resolution).
"""

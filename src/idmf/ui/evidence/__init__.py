"""Links and attached documents in the editor: Step 4's "Mitigated by" and "Evidence" beside each rating, Step 2's
attached documents, and the groups each action addresses under the action plan.

Added to every editor by `panel.attach` (listed in idmf.ui.panels). Every change is one undo step
(commands.py) through `EvidenceController`, which calls the evidence service; the editor follows the
service's change notices.
"""

"""The handoff to clinic staff: with the patient's consent, a question the assistant cannot
answer reliably (or a patient who asks for a person) becomes a case in the staff's Matrix
room, and the staff's replies come back to the patient, each exactly once.

All of its policy lives here, in the core: the case model and its storage
(:mod:`assistant.storage_cases`), the consent flow and the patient commands
(:mod:`.patient`), the staff commands and who counts as staff (:mod:`.desk`), the outboxes
that relay in both directions (:mod:`.relay`), and the service that ties them to the
conversation service (:mod:`.service`). Adapters only translate: they implement the two
ports of :mod:`.ports` (deliver to a patient's chat; post in the staff room) and hand staff
room events to the desk.
"""

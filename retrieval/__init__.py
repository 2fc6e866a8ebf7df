"""Playbook library, hybrid retrieval and coaching answers for sales objections.

``retrieval.library`` loads the trainer-edited YAML playbooks, ``retrieval.embedders`` wraps the bundled
embedding models, ``retrieval.index`` keeps the chromadb collection in step with the files, and
``retrieval.coach`` answers a rep's objection with the best-fitting entries. Heavy dependencies (chromadb,
sentence-transformers, torch) load lazily inside the modules that need them.
"""

"""Fine-tuning the local model with LoRA on vetted question/answer pairs.

``python -m bot finetune`` drives :func:`assistant.finetune.run.run_finetune`. Modules:
``data`` (JSONL checks), ``privacy`` (anonymization), ``formatting`` (chat template, answer
labels), ``base_model``, ``trainer``, ``progress``, ``output`` (atomic folder) and
``knowledge`` (vetted pairs for export). Importing this package loads no model library.
"""

"""The demo document registry: its documents and the loader (`load_demo_documents`)."""

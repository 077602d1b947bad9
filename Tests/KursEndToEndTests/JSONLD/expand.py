"""Expands a JSON-LD document with pyld, reading every context from this folder (no network).

usage: python expand.py CREDENTIAL.json KURS-CONTEXT.jsonld  -> the expanded document on stdout
"""
import json
import os
import sys

from pyld import jsonld

here = os.path.dirname(os.path.abspath(__file__))
with open(sys.argv[2], encoding="utf-8") as file:
    kurs_context = json.load(file)
with open(os.path.join(here, "credentials-v2.jsonld"), encoding="utf-8") as file:
    credentials = json.load(file)
with open(os.path.join(here, "ob-context-3.0.3.json"), encoding="utf-8") as file:
    open_badges = json.load(file)
documents = {
    "https://www.w3.org/ns/credentials/v2": credentials,
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": open_badges,
    "urn:kurs:context:1": kurs_context,
}


def loader(url, options=None):
    if url not in documents:
        raise jsonld.JsonLdError("no local copy of " + url, "jsonld.LoadDocumentError", code="loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": documents[url], "contentType": "application/ld+json"}


with open(sys.argv[1], encoding="utf-8") as file:
    credential = json.load(file)
expanded = jsonld.expand(credential, {"documentLoader": loader})
json.dump(expanded, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)

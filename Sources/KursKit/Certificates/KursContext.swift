/// Kurs's own JSON-LD context: it gives every term under a credential's `kurs` property a full
/// IRI, so that the transcript, the module scores and the digests survive JSON-LD expansion
/// (the Verifiable Credentials 2.0 context has no `@vocab` to catch undefined terms).
///
/// Its identifier is a URN, not a web address: nothing fetches it. Verifiers take it from
/// `kurs certificate context`, from `Sources/KursKit/Resources/kurs-context-1.jsonld`, or from
/// docs/certificates.md, so checking a certificate needs no network and tells no server who is
/// checking it. A changed context gets a new identifier (`urn:kurs:context:2`); this one never
/// changes.
public enum KursContext {
  /// The context's identifier, as a credential's `@context` names it.
  public static let identifier = "urn:kurs:context:1"

  /// The IRI of every term under `kurs`, as the context defines it.
  public static let vocabulary = "urn:kurs:vocab:"
}

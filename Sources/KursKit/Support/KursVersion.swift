/// This Kurs's version: what `kurs version` prints, what certificates and exports name, and part
/// of the key of every cache entry (a new Kurs checks courses again).
public enum KursVersion {
  public static let current = "0.2.0"
}

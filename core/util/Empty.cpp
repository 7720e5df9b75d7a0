// Placeholder so an empty component still forms a library.
namespace tb { void emptyComponentAnchor() {} }

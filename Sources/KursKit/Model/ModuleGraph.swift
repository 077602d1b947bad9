/// The branching of one module as a graph, with the analyses the validator, `kurs stats` and
/// `kurs graph` share: reachability, loops, and the points paths can collect.
///
/// The analysis ignores what conditions say (any route of a branch may be taken), so its
/// answers are bounds: "no end can be reached" is certain; "the most points" is an upper bound.
/// Every algorithm here is iterative and linear or near-linear, so a module of 100,000 nodes in
/// one loop neither overflows the stack nor takes long.
public struct ModuleGraph: Sendable {
  /// Why an edge exists, for labels in `kurs graph`.
  public enum EdgeLabel: Sendable, Equatable {
    case next
    case choice(String)
    case condition(String)
    case otherwise
  }

  public struct Edge: Sendable, Equatable {
    public var target: Int
    public var label: EdgeLabel
  }

  public let module: Module
  /// Outgoing edges by node index; only edges to nodes that exist.
  public let edges: [[Edge]]
  /// The most points each node can give (a question's points, else 0).
  public let points: [Int]
  public let startIndex: Int?
  /// Whether each node can be reached from the start.
  public let reachable: [Bool]
  /// Whether an end can be reached from each node.
  public let reachesEnd: [Bool]
  /// The strongly connected component of each node.
  public let component: [Int]
  /// Whether each component contains a loop (more than one node, or a node that leads to itself).
  public let componentIsLoop: [Bool]

  public init(module: Module) {
    self.module = module
    let count = module.nodes.count
    var edges = [[Edge]](repeating: [], count: count)
    var points = [Int](repeating: 0, count: count)
    for (index, node) in module.nodes.enumerated() {
      func add(_ target: String?, _ label: EdgeLabel) {
        guard let target, let targetIndex = module.index(of: target) else { return }
        edges[index].append(Edge(target: targetIndex, label: label))
      }
      switch node.kind {
      case .page(let page):
        add(page.next, .next)
      case .question(let question):
        points[index] = question.points
        var everyChoiceRoutes = !question.choices.isEmpty
        for choice in question.choices {
          if let target = choice.goto {
            add(target, .choice(choice.id))
          } else {
            everyChoiceRoutes = false
          }
        }
        if !everyChoiceRoutes { add(question.next, .next) }
      case .branch(let branch):
        for route in branch.routes { add(route.target, .condition(route.source)) }
        add(branch.otherwise, .otherwise)
      case .end:
        break
      }
    }
    self.edges = edges
    self.points = points
    let start = module.index(of: module.start)
    self.startIndex = start

    var reachable = [Bool](repeating: false, count: count)
    if let start {
      var stack = [start]
      reachable[start] = true
      while let node = stack.popLast() {
        for edge in edges[node] where !reachable[edge.target] {
          reachable[edge.target] = true
          stack.append(edge.target)
        }
      }
    }
    self.reachable = reachable

    var reverse = [[Int]](repeating: [], count: count)
    for (source, list) in edges.enumerated() {
      for edge in list { reverse[edge.target].append(source) }
    }
    var reachesEnd = [Bool](repeating: false, count: count)
    var stack: [Int] = []
    for (index, node) in module.nodes.enumerated() {
      if case .end = node.kind {
        reachesEnd[index] = true
        stack.append(index)
      }
    }
    while let node = stack.popLast() {
      for source in reverse[node] where !reachesEnd[source] {
        reachesEnd[source] = true
        stack.append(source)
      }
    }
    self.reachesEnd = reachesEnd

    let (component, componentCount) = Self.stronglyConnectedComponents(edges)
    var size = [Int](repeating: 0, count: componentCount)
    var isLoop = [Bool](repeating: false, count: componentCount)
    for index in 0..<count {
      size[component[index]] += 1
      if edges[index].contains(where: { $0.target == index }) { isLoop[component[index]] = true }
    }
    for index in 0..<componentCount where size[index] > 1 { isLoop[index] = true }
    self.component = component
    self.componentIsLoop = isLoop
  }

  /// Tarjan's algorithm without recursion. Components are numbered in reverse topological
  /// order: every edge between components goes from a higher number to a lower one.
  static func stronglyConnectedComponents(_ edges: [[Edge]]) -> ([Int], Int) {
    let count = edges.count
    var index = [Int](repeating: -1, count: count)
    var lowLink = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var component = [Int](repeating: -1, count: count)
    var stack: [Int] = []
    var nextIndex = 0
    var componentCount = 0
    for root in 0..<count where index[root] == -1 {
      var work: [(node: Int, edge: Int)] = [(root, 0)]
      index[root] = nextIndex
      lowLink[root] = nextIndex
      nextIndex += 1
      stack.append(root)
      onStack[root] = true
      while let (node, edgePosition) = work.last {
        if edgePosition < edges[node].count {
          work[work.count - 1].edge += 1
          let target = edges[node][edgePosition].target
          if index[target] == -1 {
            index[target] = nextIndex
            lowLink[target] = nextIndex
            nextIndex += 1
            stack.append(target)
            onStack[target] = true
            work.append((target, 0))
          } else if onStack[target] {
            lowLink[node] = min(lowLink[node], index[target])
          }
        } else {
          work.removeLast()
          if let parent = work.last {
            lowLink[parent.node] = min(lowLink[parent.node], lowLink[node])
          }
          if lowLink[node] == index[node] {
            while let member = stack.popLast() {
              onStack[member] = false
              component[member] = componentCount
              if member == node { break }
            }
            componentCount += 1
          }
        }
      }
    }
    return (component, componentCount)
  }

  /// Indices of the end nodes that can be reached from the start.
  public var reachableEnds: [Int] {
    module.nodes.indices.filter { index in
      if case .end = module.nodes[index].kind { return reachable[index] }
      return false
    }
  }

  /// Per component: the most points a path from the start can have collected on leaving it,
  /// or `nil` where the start cannot reach it. A loop's points all count once: a path can visit
  /// every node of a loop before it leaves.
  public var mostPointsByComponent: [Int?] {
    let componentCount = (component.max() ?? -1) + 1
    var weight = [Int](repeating: 0, count: componentCount)
    for (index, value) in points.enumerated() { weight[component[index]] += value }
    var best = [Int?](repeating: nil, count: componentCount)
    guard let startIndex else { return best }
    var successors = [[Int]](repeating: [], count: componentCount)
    for (source, list) in edges.enumerated() {
      for edge in list where component[source] != component[edge.target] {
        successors[component[source]].append(component[edge.target])
      }
    }
    best[component[startIndex]] = weight[component[startIndex]]
    // Higher component numbers come first in topological order.
    for current in stride(from: componentCount - 1, through: 0, by: -1) {
      guard let value = best[current] else { continue }
      for next in successors[current] {
        let candidate = value + weight[next]
        if candidate > (best[next] ?? -1) { best[next] = candidate }
      }
    }
    return best
  }

  /// The most points any path from the start to an end can collect.
  public var mostPoints: Int {
    let best = mostPointsByComponent
    return reachableEnds.compactMap { best[component[$0]] }.max() ?? 0
  }

  /// The most points a path from the start to this end can collect.
  public func mostPoints(to end: Int) -> Int? { mostPointsByComponent[component[end]] }

  /// The fewest points on offer along any path from the start to each node (Dijkstra with the
  /// points of the nodes entered as weights): what the poorest route to an end offers.
  public var fewestPointsOnOffer: [Int?] {
    let count = points.count
    var distance = [Int?](repeating: nil, count: count)
    guard let startIndex else { return distance }
    var heap = MinHeap()
    distance[startIndex] = points[startIndex]
    heap.push(points[startIndex], startIndex)
    var done = [Bool](repeating: false, count: count)
    while let (value, node) = heap.pop() {
      if done[node] { continue }
      done[node] = true
      for edge in edges[node] {
        let candidate = value + points[edge.target]
        if candidate < (distance[edge.target] ?? Int.max) {
          distance[edge.target] = candidate
          heap.push(candidate, edge.target)
        }
      }
    }
    return distance
  }

  /// The number of distinct paths from the start to each end, counting each loop as one step
  /// (a loop could be gone round any number of times), and whether the paths pass a loop.
  /// Counts saturate at `Int.max`.
  public func pathCounts() -> [Int: (paths: Int, throughLoop: Bool)] {
    let componentCount = (component.max() ?? -1) + 1
    guard let startIndex, componentCount > 0 else { return [:] }
    var successors = [[Int]](repeating: [], count: componentCount)
    for (source, list) in edges.enumerated() {
      for edge in list where component[source] != component[edge.target] {
        successors[component[source]].append(component[edge.target])
      }
    }
    var paths = [Int](repeating: 0, count: componentCount)
    var loop = [Bool](repeating: false, count: componentCount)
    let start = component[startIndex]
    paths[start] = 1
    loop[start] = componentIsLoop[start]
    for current in stride(from: componentCount - 1, through: 0, by: -1) where paths[current] > 0 {
      for next in successors[current] {
        let (sum, overflow) = paths[next].addingReportingOverflow(paths[current])
        paths[next] = overflow ? Int.max : sum
        loop[next] = loop[next] || loop[current] || componentIsLoop[next]
      }
    }
    var result: [Int: (paths: Int, throughLoop: Bool)] = [:]
    for end in reachableEnds {
      result[end] = (paths[component[end]], loop[component[end]])
    }
    return result
  }
}

/// A binary min-heap of (priority, value) pairs.
struct MinHeap {
  private var items: [(Int, Int)] = []

  mutating func push(_ priority: Int, _ value: Int) {
    items.append((priority, value))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child].0 < items[parent].0 else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Int, Int)? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, items[left].0 < items[smallest].0 { smallest = left }
      if right < items.count, items[right].0 < items[smallest].0 { smallest = right }
      if smallest == parent { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return top
  }
}

import Testing

@testable import KursKit

@Suite struct ModuleGraphTests {
  let here = SourceLocation(file: "test.xml", line: 1, column: 1)

  func page(_ id: String, next: String?) -> Node {
    Node(id: id, kind: .page(Page(body: LocalizedBody(), next: next)), location: here)
  }

  func question(_ id: String, points: Int, next: String?, gotos: [String?] = [nil, nil]) -> Node {
    let choices = gotos.enumerated().map { index, target in
      Choice(
        id: "c\(index)", isCorrect: index == 0, goto: target, text: LocalizedText(), location: here)
    }
    return Node(
      id: id,
      kind: .question(
        Question(
          kind: .single, points: points, next: next, prompt: LocalizedText(), choices: choices)),
      location: here)
  }

  func end(_ id: String, _ outcome: End.Outcome = .pass) -> Node {
    Node(id: id, kind: .end(End(outcome: outcome)), location: here)
  }

  func module(_ nodes: [Node], start: String = "a") -> Module {
    Module(
      id: "m", title: LocalizedText(), start: start, passMark: .points(0), nodes: nodes,
      location: here)
  }

  @Test func mostPointsTakesTheRicherBranch() {
    let graph = ModuleGraph(
      module: module([
        question("a", points: 1, next: nil, gotos: ["rich", "poor"]),
        question("rich", points: 5, next: "done"),
        question("poor", points: 2, next: "done"),
        end("done"),
      ]))
    #expect(graph.mostPoints == 6)
    #expect(graph.fewestPointsOnOffer[3] == 3)
    #expect(graph.pathCounts()[3]?.paths == 2)
  }

  @Test func loopPointsCountOnceAndPathsNoteTheLoop() {
    let graph = ModuleGraph(
      module: module([
        question("a", points: 2, next: nil, gotos: ["b", "done"]),
        question("b", points: 3, next: "a"),
        end("done"),
      ]))
    #expect(graph.mostPoints == 5)
    #expect(graph.pathCounts()[2]?.throughLoop == true)
  }

  @Test func hundredThousandNodesInOneLoopNeitherOverflowNorHang() {
    let count = 100_000
    var nodes = (0..<count).map { page("n\($0)", next: "n\(($0 + 1) % count)") }
    nodes[0] = question("n0", points: 1, next: nil, gotos: ["n1", "done"])
    nodes.append(end("done"))
    let graph = ModuleGraph(module: module(nodes, start: "n0"))
    #expect(graph.reachesEnd.allSatisfy { $0 })
    #expect(graph.componentIsLoop[graph.component[1]])
    #expect(graph.mostPoints == 1)
  }

  @Test func pathCountsSaturateInsteadOfOverflowing() {
    // 80 diamonds in a row: 2^80 paths.
    var nodes: [Node] = []
    for index in 0..<80 {
      nodes.append(question("q\(index)", points: 0, next: nil, gotos: ["l\(index)", "r\(index)"]))
      nodes.append(page("l\(index)", next: index == 79 ? "done" : "q\(index + 1)"))
      nodes.append(page("r\(index)", next: index == 79 ? "done" : "q\(index + 1)"))
    }
    nodes.append(end("done"))
    let graph = ModuleGraph(module: module(nodes, start: "q0"))
    #expect(graph.pathCounts()[nodes.count - 1]?.paths == Int.max)
  }
}

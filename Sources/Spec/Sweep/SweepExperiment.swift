import ExperimentKinds
import JSON
import Network

/// Kind "sweep": a grid of training experiments, one per combination of the two axes' values.
public struct SweepExperiment: Sendable {
    public struct Axis: Sendable {
        public let path: JSONPointer
        public let label: String
        public let values: [Double]
    }

    /// One grid point: the resolved training spec to run.
    public struct Cell: Sendable {
        public let xIndex: Int
        public let yIndex: Int
        /// The cell as a spec of its own (its canonical text keys the cell's stored result).
        public let spec: ExperimentSpec
        /// What the cell trains.
        public let training: TrainingExperiment
    }

    public struct Overlay: Sendable {
        public let activation: Activation
        public let sigmaB2: Double
        public let multiple: Double
    }

    public let axes: [Axis]
    public let cells: [Cell]
    public let metric: SweepMetric
    public let overlay: Overlay?

    static func read(_ reader: SpecReader, id: String, seed: UInt64) throws(SpecError) -> SweepExperiment {
        var axes: [Axis] = []
        for axis in reader.member("axes").elements {
            let path = axis.member("path")
            guard let pointer = JSONPointer(parsing: path.string), !pointer.tokens.isEmpty, !pointer.tokens.contains("")
            else {
                throw path.error(
                    "expected a JSON pointer to a field of the base experiment such as \"/network/depth\", found \"\(path.string)\""
                )
            }
            let values = axis.member("values")
            let numbers = values.elements.map(\.double)
            // The heatmap draws cells in value order, between midpoints of neighbours.
            if let index = numbers.indices.dropFirst().first(where: { numbers[$0] <= numbers[$0 - 1] }) {
                throw values.elements[index].error(
                    "expected values in increasing order without repeats, found \(numbers[index]) after \(numbers[index - 1])"
                )
            }
            axes.append(Axis(path: pointer, label: axis.member("label").string, values: numbers))
        }
        let base = reader.member("base")
        guard case .object(var template) = base.value else { preconditionFailure("schema guarantees an object") }
        // Cells are named alike in every sweep: a cell is what it computes, so two sweeps that
        // share a cell share its stored result (and a long sweep id cannot overflow a cell's id).
        template["id"] = "sweep-cell"
        template["title"] = "sweep cell"
        template["kind"] = "training"
        template["seed"] = .integer(seed)
        template["figures"] = .array([])
        var cells: [Cell] = []
        for (yIndex, y) in axes[1].values.enumerated() {
            for (xIndex, x) in axes[0].values.enumerated() {
                var cell = JSONValue.object(template)
                for (index, (axis, value)) in zip(axes, [x, y]).enumerated() {
                    guard let updated = cell.setting(axis.path, to: Self.number(value)) else {
                        throw reader.member("axes").elements[index].member("path").error(
                            "axis path \(axis.path) does not lead into the base experiment (its parent must exist)")
                    }
                    cell = updated
                }
                let resolved: JSONValue
                do {
                    resolved = try SchemaValidator.resolve(
                        cell, against: SpecSchema.experiment, file: reader.context.file)
                } catch {
                    var first = error.errors[0]
                    first.pointer = JSONPointer(["base"] + (first.pointer?.tokens ?? []))
                    first.message += " (in the cell \(axes[0].label) = \(x), \(axes[1].label) = \(y))"
                    throw first
                }
                let spec = try ExperimentSpec.read(
                    resolved, context: SpecReader.Context(file: reader.context.file, document: nil))
                guard case .training(let training) = spec.body else {
                    preconditionFailure("a sweep cell is a training experiment by construction")
                }
                cells.append(Cell(xIndex: xIndex, yIndex: yIndex, spec: spec, training: training))
            }
        }
        let overlay = reader["overlay"].map { section in
            Overlay(
                activation: Activation(reading: section.member("activation")),
                sigmaB2: section.member("sigma_b2").double,
                multiple: section.member("multiple").double)
        }
        return SweepExperiment(
            axes: axes, cells: cells, metric: reader.member("metric").named(SweepMetric.self), overlay: overlay)
    }

    /// Integers stay integers (depths), other values keep their shortest form.
    static func number(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .double(value)
    }
}

extension JSONValue {
    /// The value with the member at `pointer` set (its parent must exist), or nil.
    func setting(_ pointer: JSONPointer, to newValue: JSONValue) -> JSONValue? {
        guard let first = pointer.tokens.first else { return newValue }
        let rest = JSONPointer(Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var object):
            if rest.tokens.isEmpty {
                object[first] = newValue
                return .object(object)
            }
            guard let child = object[first], let updated = child.setting(rest, to: newValue) else { return nil }
            object[first] = updated
            return .object(object)
        case .array(var elements):
            guard let index = Int(first), elements.indices.contains(index) else { return nil }
            guard let updated = elements[index].setting(rest, to: newValue) else { return nil }
            elements[index] = updated
            return .array(elements)
        default:
            return nil
        }
    }
}

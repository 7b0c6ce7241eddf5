import ExperimentKinds
import JSON

/// Reads the `figures` list of a spec into typed requests.
enum FigureRequestReader {
    /// The longest figure name, as for experiment ids.
    static let maxNameLength = 64

    /// The figures of a spec: as listed, or one of each type of the kind (the schema has already
    /// checked that every listed type is one of `FigureType`'s names).
    static func readAll<FigureType: CaseIterable & RawRepresentable & Sendable & Hashable>(
        _ list: SpecReader?, defaults: [FigureType]? = nil
    ) throws(SpecError) -> [FigureRequest<FigureType>] where FigureType.RawValue == String {
        guard let list else { return (defaults ?? Array(FigureType.allCases)).map { FigureRequest($0) } }
        var figures: [FigureRequest<FigureType>] = []
        for reader in list.elements {
            let typeName = reader.member("type").string
            guard let type = FigureType(rawValue: typeName) else {
                preconditionFailure("schema admitted unknown figure type \(typeName)")
            }
            let figure = FigureRequest(
                type: type, name: reader["name"]?.string ?? typeName, size: reader["size"].map(readSize),
                caption: reader["caption"]?.string, logY: reader["log_y"]?.bool ?? false)
            // The name is part of file names (figures/fig-<id>-<name>.svg): with the id's 64
            // characters this keeps them far below the 255 bytes a file system allows.
            guard figure.name.count <= maxNameLength,
                figure.name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            else {
                throw (reader["name"] ?? reader).error(
                    "a figure name is up to \(maxNameLength) lower-case letters, digits and '-', found \"\(figure.name)\""
                        + (figure.name.count > maxNameLength ? " (\(figure.name.count) characters)" : ""))
            }
            if figures.contains(where: { $0.name == figure.name }) {
                throw (reader["name"] ?? reader).error(
                    "figure name \"\(figure.name)\" is used twice; give one of them a distinct \"name\"")
            }
            figures.append(figure)
        }
        return figures
    }

    private static func readSize(_ reader: SpecReader) -> FigureSize {
        if reader.isString {
            guard let preset = FigureSize(presetName: reader.string) else {
                preconditionFailure("schema admitted unknown size \(reader.string)")
            }
            return preset
        }
        return .custom(width: reader.member("width").double, height: reader.member("height").double)
    }
}

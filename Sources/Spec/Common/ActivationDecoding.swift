import Network

extension Activation {
    /// The activation a resolved spec value names.
    init(reading reader: SpecReader) {
        let name = reader.member("name").string
        let parameter =
            name == "leaky-relu" ? reader.member("slope").double : name == "elu" ? reader.member("alpha").double : nil
        guard let activation = Activation(name: name, parameter: parameter) else {
            preconditionFailure("schema admitted unknown activation \(name)")
        }
        self = activation
    }
}

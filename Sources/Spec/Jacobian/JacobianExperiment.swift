import Network

/// Kind "jacobian": spectra of input-output Jacobians at initialization.
public struct JacobianExperiment: Sendable {
    public let width: Int
    public let depths: [Int]
    public let bins: Int
    public let variants: [JacobianVariant]

    static func read(_ reader: SpecReader) throws(SpecError) -> JacobianExperiment {
        var variants: [JacobianVariant] = []
        for item in reader.member("variants").elements {
            let label = item.member("label").string
            let key = item["key"]?.string ?? NetworkVariant.slug(label)
            if variants.contains(where: { $0.key == key }) {
                throw (item["key"] ?? item.member("label")).error("variant key \"\(key)\" is used twice")
            }
            let weight = item.member("sigma_w2")
            variants.append(
                JacobianVariant(
                    key: key, label: label, activation: Activation(reading: item.member("activation")),
                    orthogonal: item.member("weights").string == "orthogonal",
                    sigmaW2: weight.isString ? nil : weight.double, sigmaB2: item.member("sigma_b2").double))
        }
        return JacobianExperiment(
            width: reader.member("width").int, depths: reader.member("depths").elements.map(\.int).sorted(),
            bins: reader.member("bins").int, variants: variants)
    }
}

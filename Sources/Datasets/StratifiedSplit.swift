import Randomness

/// A held-out split that keeps the class balance: within each class (taken in label order), a
/// seeded permutation picks the held-out samples; both splits keep the original sample order.
enum StratifiedSplit {
    static func split(_ images: LabeledImages, heldOutPerClass: (Int) -> Int, stream: RandomStream) -> (
        train: LabeledImages, test: LabeledImages
    ) {
        var train: [Int] = []
        var test: [Int] = []
        for label in Set(images.labels).sorted() {
            let members = images.labels.indices.filter { images.labels[$0] == label }
            var classStream = stream.derive("class/\(label)")
            let order = classStream.permutation(members.count)
            let heldOut = min(heldOutPerClass(members.count), members.count)
            test += order.prefix(heldOut).map { members[$0] }
            train += order.dropFirst(heldOut).map { members[$0] }
        }
        return (images.selecting(train.sorted()), images.selecting(test.sorted()))
    }
}

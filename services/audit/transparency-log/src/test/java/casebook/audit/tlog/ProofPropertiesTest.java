package casebook.audit.tlog;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every proof the tree makes holds, and no proof holds once anything about it is changed: a flipped bit anywhere,
 * another leaf, another index or size, a shortened or lengthened path, or a log that was rewritten (forked) before the
 * older checkpoint. The compact range a growing log keeps gives the same roots and subtrees as the whole tree.
 */
class ProofPropertiesTest {

    record Case(int size, int index, int bit) {
    }

    @Provide
    Arbitrary<Case> leafInTree() {
        return Arbitraries.integers().between(1, 300).flatMap(size -> Combinators.combine(
                Arbitraries.just(size), Arbitraries.integers().between(0, size - 1),
                Arbitraries.integers().between(0, 255)).as(Case::new));
    }

    static List<byte[]> entries(int size) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(("event " + i).getBytes());
        }
        return entries;
    }

    static byte[] flip(byte[] hash, int bit) {
        byte[] changed = hash.clone();
        changed[bit / 8 % changed.length] ^= (byte) (1 << (bit % 8));
        return changed;
    }

    @Property(tries = 300)
    void anInclusionProofHoldsAndAnyChangeBreaksIt(@ForAll("leafInTree") Case c) {
        MerkleTree tree = InMemoryLeaves.ofEntries(entries(c.size())).tree();
        byte[] root = tree.root(c.size());
        byte[] leaf = TreeHash.leaf(("event " + c.index()).getBytes());
        List<byte[]> proof = tree.inclusionProof(c.index(), c.size());

        assertThat(Proofs.inclusionHolds(c.index(), c.size(), leaf, proof, root)).isTrue();
        assertThat(Proofs.inclusionHolds(c.index(), c.size(), flip(leaf, c.bit()), proof, root)).isFalse();
        assertThat(Proofs.inclusionHolds(c.index(), c.size(), leaf, proof, flip(root, c.bit()))).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> changed = new ArrayList<>(proof);
            changed.set(i, flip(proof.get(i), c.bit()));
            assertThat(Proofs.inclusionHolds(c.index(), c.size(), leaf, changed, root)).isFalse();
        }
        if (!proof.isEmpty()) {
            assertThat(Proofs.inclusionHolds(c.index(), c.size(), leaf, proof.subList(0, proof.size() - 1), root))
                    .isFalse();
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(Proofs.inclusionHolds(c.index(), c.size(), leaf, longer, root)).isFalse();
        if (c.size() > 1) {
            int other = (c.index() + 1) % c.size();
            assertThat(Proofs.inclusionHolds(other, c.size(), leaf, proof, root)).isFalse();
        }
    }

    @Property(tries = 200)
    void aConsistencyProofHoldsForEveryPrefixAndFailsForAForkedLog(@ForAll @IntRange(min = 1, max = 200) int second,
                                                                   @ForAll @IntRange(min = 0, max = 199) int seed,
                                                                   @ForAll @IntRange(min = 0, max = 255) int bit) {
        int first = 1 + seed % second;
        MerkleTree tree = InMemoryLeaves.ofEntries(entries(second)).tree();
        List<byte[]> proof = tree.consistencyProof(first, second);
        byte[] firstRoot = tree.root(first);
        byte[] secondRoot = tree.root(second);

        assertThat(Proofs.consistencyHolds(first, second, firstRoot, secondRoot, proof)).isTrue();
        assertThat(Proofs.consistencyHolds(first, second, flip(firstRoot, bit), secondRoot, proof)).isFalse();
        assertThat(Proofs.consistencyHolds(first, second, firstRoot, flip(secondRoot, bit), proof)).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> changed = new ArrayList<>(proof);
            changed.set(i, flip(proof.get(i), bit));
            assertThat(Proofs.consistencyHolds(first, second, firstRoot, secondRoot, changed)).isFalse();
        }

        List<byte[]> forked = entries(second);
        forked.set(seed % first, "rewritten".getBytes());
        MerkleTree fork = InMemoryLeaves.ofEntries(forked).tree();
        assertThat(Proofs.consistencyHolds(first, second, firstRoot, fork.root(second),
                fork.consistencyProof(first, second))).isFalse();
    }

    @Property(tries = 50)
    void theCompactRangeOfAGrowingLogGivesTheTreesRootsAndSubtrees(@ForAll @IntRange(min = 0, max = 300) int size) {
        List<byte[]> entries = entries(size);
        InMemoryLeaves leaves = InMemoryLeaves.ofEntries(entries);
        MerkleTree tree = leaves.tree();
        CompactRange range = CompactRange.empty();
        List<CompactRange.Node> stored = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            stored.addAll(range.append(TreeHash.leaf(entries.get(i))));
            assertThat(range.root()).isEqualTo(tree.root(i + 1));
        }
        assertThat(range.root()).isEqualTo(tree.root(size));
        for (CompactRange.Node node : stored) {
            assertThat(node.hash()).isEqualTo(leaves.perfect(node.level(), node.index()));
        }
        CompactRange resumed = CompactRange.resume(size, leaves);
        assertThat(resumed.root()).isEqualTo(range.root());
        resumed.append(TreeHash.leaf("one more".getBytes()));
        range.append(TreeHash.leaf("one more".getBytes()));
        assertThat(resumed.root()).isEqualTo(range.root());
    }
}

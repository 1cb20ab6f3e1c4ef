package casebook.audit.tlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Known answers: the leaves and the inclusion and consistency proofs of transparency-dev/merkle's reference tests
 * (testonly/reference_test.go, the RFC 6962 / 9162 tree), and the roots of Certificate Transparency's test tree.
 */
class MerkleTreeTest {
    static final HexFormat HEX = HexFormat.of();
    static final List<byte[]> LEAVES = Arrays.stream(new String[]{"", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f"}).map(HEX::parseHex).toList();

    static MerkleTree treeOf(int size) {
        return InMemoryLeaves.ofEntries(LEAVES.subList(0, size)).tree();
    }

    static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(HEX::formatHex).toList();
    }

    static List<byte[]> proof(String concatenated) {
        String hex = concatenated.replace(" ", "");
        return java.util.stream.IntStream.range(0, hex.length() / 64)
                .mapToObj(i -> HEX.parseHex(hex.substring(i * 64, i * 64 + 64))).toList();
    }

    @Test
    void theEmptyTreeIsTheHashOfNothingAndALeafIsPrefixed() {
        assertThat(TreeHash.hex(treeOf(0).root(0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(TreeHash.hex(treeOf(1).root(1)))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @ParameterizedTest
    @CsvSource({
            "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"})
    void rootsMatchTheReferenceTree(int size, String root) {
        assertThat(TreeHash.hex(treeOf(8).root(size))).isEqualTo(root);
        assertThat(TreeHash.hex(treeOf(size).root(size))).isEqualTo(root);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 0, ''",
            "2, 0, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "2, 1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "3, 2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5, 1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
                    + " 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
                    + " bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "8, 0, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"
                    + " 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
                    + " 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "8, 5, bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"
                    + " ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
                    + " d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void inclusionProofsMatchTheReferenceAndVerify(int size, int index, String expected) {
        MerkleTree tree = treeOf(8);
        List<byte[]> proof = tree.inclusionProof(index, size);

        assertThat(hex(proof)).isEqualTo(hex(proof(expected)));
        assertThat(Proofs.inclusionHolds(index, size, TreeHash.leaf(LEAVES.get(index)), proof, tree.root(size)))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1, ''",
            "1, 8, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"
                    + " 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
                    + " 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "2, 5, 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
                    + " bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "6, 8, 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"
                    + " ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
                    + " d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void consistencyProofsMatchTheReferenceAndVerify(int first, int second, String expected) {
        MerkleTree tree = treeOf(8);
        List<byte[]> proof = tree.consistencyProof(first, second);

        assertThat(hex(proof)).isEqualTo(hex(proof(expected)));
        assertThat(Proofs.consistencyHolds(first, second, tree.root(first), tree.root(second), proof)).isTrue();
    }

    @Test
    void proofsOutsideTheTreeAreRefusedWhenAskedAndDoNotHoldWhenChecked() {
        MerkleTree tree = treeOf(8);
        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        byte[] leaf = TreeHash.leaf(LEAVES.get(0));
        assertThat(Proofs.inclusionHolds(8, 8, leaf, tree.inclusionProof(0, 8), tree.root(8))).isFalse();
        assertThat(Proofs.inclusionHolds(0, 8, leaf, null, tree.root(8))).isFalse();
        assertThat(Proofs.inclusionHolds(0, 8, new byte[31], tree.inclusionProof(0, 8), tree.root(8))).isFalse();
        assertThat(Proofs.consistencyHolds(5, 4, tree.root(5), tree.root(4), List.of())).isFalse();
        assertThat(Proofs.consistencyHolds(0, 4, TreeHash.empty(), tree.root(4), List.of())).isTrue();
        assertThat(Proofs.consistencyHolds(3, 3, tree.root(3), tree.root(4), List.of())).isFalse();
        assertThat(Proofs.consistencyHolds(3, 8, tree.root(3), tree.root(8), List.of())).isFalse();
    }
}

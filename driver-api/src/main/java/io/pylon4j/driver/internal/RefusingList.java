package io.pylon4j.driver.internal;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A random-access list whose mutators all throw {@link UnsupportedOperationException}, whatever their argument, as
 * {@link java.util.List#copyOf}'s lists do ({@link AbstractList} lets a mutator that would change nothing pass):
 * the base of {@link PrimitiveLists}' lists. {@code contains} goes through {@code indexOf}, which the subclass makes
 * refuse {@code null} as those lists do.
 *
 * @param <E> the element
 */
abstract class RefusingList<E> extends AbstractList<E> implements RandomAccess {

    @Override
    public final boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public final boolean add(E e) {
        throw uoe();
    }

    @Override
    public final void add(int index, E element) {
        throw uoe();
    }

    @Override
    public final boolean addAll(Collection<? extends E> c) {
        throw uoe();
    }

    @Override
    public final boolean addAll(int index, Collection<? extends E> c) {
        throw uoe();
    }

    @Override
    public final E set(int index, E element) {
        throw uoe();
    }

    @Override
    public final E remove(int index) {
        throw uoe();
    }

    @Override
    public final boolean remove(Object o) {
        throw uoe();
    }

    @Override
    public final boolean removeAll(Collection<?> c) {
        throw uoe();
    }

    @Override
    public final boolean retainAll(Collection<?> c) {
        throw uoe();
    }

    @Override
    public final boolean removeIf(Predicate<? super E> filter) {
        throw uoe();
    }

    @Override
    public final void replaceAll(UnaryOperator<E> operator) {
        throw uoe();
    }

    @Override
    public final void sort(Comparator<? super E> c) {
        throw uoe();
    }

    @Override
    public final void clear() {
        throw uoe();
    }

    @Override
    protected final void removeRange(int fromIndex, int toIndex) {
        throw uoe();
    }

    private static UnsupportedOperationException uoe() {
        return new UnsupportedOperationException("immutable list");
    }
}

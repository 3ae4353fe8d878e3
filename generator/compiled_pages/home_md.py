"""home.md, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "ee55a1c9622f1da3b7f0adadd64f69598a62ec0516895f2f451542849419a919"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'home.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_rows = resolve('rows')
    pass
    yield '# '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Statements')))
    yield '\n\n'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Every statement published on this site, with the version in force today. Each keeps every earlier version at its own address, with what changed.')))
    yield '\n\n<div class="statement-home" role="region" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Statements')))
    yield '">\n'
    l_1_loop = missing
    for l_1_row, l_1_loop in LoopContext((undefined(name='rows') if l_0_rows is missing else l_0_rows), undefined):
        l_1_time = resolve('time')
        l_1_ngettext = resolve('ngettext')
        _loop_vars = {}
        pass
        yield '<section class="statement-card statement-header'
        if (not environment.getattr(l_1_row, 'current')):
            pass
            yield ' statement-header--upcoming'
        yield '" aria-labelledby="statement-'
        yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield '">\n<h2 id="statement-'
        yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield '"><a href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'url')))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'title')))
        yield '</a></h2>\n<p class="statement-card__facts">'
        if environment.getattr(l_1_row, 'current'):
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '<span class="statement-chip statement-chip--in-force">In force</span> since %(date)s', date=context.call((undefined(name='time') if l_1_time is missing else l_1_time), environment.getattr(environment.getattr(l_1_row, 'current'), 'key'), environment.getattr(environment.getattr(l_1_row, 'current'), 'effective'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
        else:
            pass
            yield '<span class="statement-chip statement-chip--upcoming">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Upcoming', _loop_vars=_loop_vars)))
            yield '</span> '
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not yet in force', _loop_vars=_loop_vars)))
        yield ' · <a href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'history')))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)d version', '%(num)d versions', environment.getattr(l_1_row, 'versions'), _loop_vars=_loop_vars)))
        yield '</a></p>\n'
        if environment.getattr(l_1_row, 'upcoming'):
            pass
            yield '<p class="statement-notice">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'A new version takes effect on %(date)s', date=context.call((undefined(name='time') if l_1_time is missing else l_1_time), environment.getattr(environment.getattr(l_1_row, 'upcoming'), 'key'), environment.getattr(environment.getattr(l_1_row, 'upcoming'), 'effective'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            if environment.getattr(l_1_row, 'upcoming_changes'):
                pass
                yield ': <a href="'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'upcoming_changes')))
                yield '">'
                yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'see what will change', _loop_vars=_loop_vars)))
                yield '</a>'
            yield '.</p>\n'
        yield '<nav class="statement-links" aria-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Pages of the %(title)s', title=environment.getattr(l_1_row, 'title'), _loop_vars=_loop_vars)))
        yield '">\n<ul class="statement-plain-list">\n<li><a class="statement-link statement-link--primary" href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'url')))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read<span class="statement-sr"> the %(title)s</span>', title=environment.getattr(l_1_row, 'title'), _loop_vars=_loop_vars)))
        yield '</a></li>\n<li><a class="statement-link" href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'history')))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'History<span class="statement-sr"> of the %(title)s</span>', title=environment.getattr(l_1_row, 'title'), _loop_vars=_loop_vars)))
        yield '</a></li>\n'
        if (environment.getattr(l_1_row, 'versions') > 1):
            pass
            yield '<li><a class="statement-link" href="'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'compare')))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare versions<span class="statement-sr"> of the %(title)s</span>', title=environment.getattr(l_1_row, 'title'), _loop_vars=_loop_vars)))
            yield '</a></li>'
        yield '</ul>\n</nav>\n</section>\n'
    l_1_loop = l_1_row = l_1_time = l_1_ngettext = missing
    yield '</div>'

blocks = {}
debug_info = '1=14&3=16&5=18&6=21&7=27&8=33&9=39&10=53&11=56&13=66&15=68&16=72&17=76'
